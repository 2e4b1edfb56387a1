import { z } from 'zod';
import {
  agencyKinds,
  dataCategories,
  dataCategorySchema,
  dispositions,
  identifierKindSchema,
  identifierKinds,
  nondisclosureKinds,
  processTypes,
  responseMethods,
} from './legal-requests.schemas';

// ---- Modes ----------------------------------------------------------------------------------

export const importModes = ['all_or_nothing', 'valid_rows'] as const;
export const importModeSchema = z.enum(importModes, { error: 'mode must be all_or_nothing or valid_rows' });
export type ImportMode = z.infer<typeof importModeSchema>;

export const importModeLabels: Record<ImportMode, string> = {
  all_or_nothing: 'All or nothing',
  valid_rows: 'Valid rows',
};

export const importModeDescriptions: Record<ImportMode, string> = {
  all_or_nothing:
    'Nothing is written unless every row is valid. If any row is rejected, the report lists every rejected row and the database is left exactly as it was.',
  valid_rows:
    'Valid rows are written; the report lists each rejected row with its line and reason, so you can fix those rows and import them again.',
};

/** A historical request may be imported in any state the workflow can leave it in without a missing record. */
export const importStatuses = [
  'received',
  'in_review',
  'decided',
  'responded',
  'closed',
  'withdrawn',
  'rejected',
] as const;
const DECIDED = new Set(['decided', 'responded', 'closed']);
const ANSWERED = new Set(['responded', 'closed']);

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

// ---- The documented column set --------------------------------------------------------------

export interface ImportColumn {
  name: string;
  required: boolean;
  description: string;
  example: string;
}

const list = (values: readonly string[]) => values.join(', ');

/**
 * The CSV columns, in template order. The header row names them (any order; optional columns may be left
 * out). Empty cells are "not given". Times are ISO 8601: a date (2024-03-01, midnight UTC) or a date and
 * time with an offset (2024-03-01T09:00:00Z).
 */
export const importColumns = [
  {
    name: 'external_reference',
    required: true,
    description:
      "The requesting agency's own case number. With the agency it identifies the request: a row whose agency and external reference were already imported is skipped, so importing the same file again creates no duplicates.",
    example: 'GJ-2024-0113',
  },
  {
    name: 'process_type',
    required: true,
    description: `One of: ${list(processTypes)}.`,
    example: 'subpoena',
  },
  {
    name: 'agency_name',
    required: true,
    description:
      'The requesting agency, matched in the agency registry by name and country (ignoring case). An agency not yet in the registry is added, unverified.',
    example: 'Federal Bureau of Investigation',
  },
  {
    name: 'agency_country',
    required: true,
    description: "The agency's country: ISO 3166-1 alpha-2 code, such as US or DE.",
    example: 'US',
  },
  {
    name: 'agency_kind',
    required: false,
    description: `Used only when the agency is added to the registry. One of: ${list(agencyKinds)}. Default: other.`,
    example: 'law_enforcement',
  },
  {
    name: 'country',
    required: false,
    description: 'The country the request comes from (ISO 3166-1 alpha-2). Default: the agency country.',
    example: 'US',
  },
  {
    name: 'received_at',
    required: true,
    description: 'When the request arrived: 2024-03-01 or 2024-03-01T09:00:00Z. Not in the future.',
    example: '2024-03-01T09:00:00Z',
  },
  {
    name: 'due_at',
    required: false,
    description: "When the response was due. Default: computed from the process type's deadline rule.",
    example: '',
  },
  {
    name: 'emergency',
    required: false,
    description: 'true or false (also yes/no, 1/0). Default: false; always true for process type emergency.',
    example: 'false',
  },
  {
    name: 'summary',
    required: true,
    description: 'What the request asks for, in words (at most 5,000 characters).',
    example: 'Grand jury subpoena for subscriber records of two accounts',
  },
  {
    name: 'data_categories',
    required: false,
    description: `The data categories asked for, separated by semicolons: ${list(dataCategories)}. Required unless the process type is preservation.`,
    example: 'subscriber',
  },
  {
    name: 'identifiers',
    required: true,
    description: `The accounts, emails, phone numbers… the request names, separated by semicolons, each as kind:value. Kinds: ${list(identifierKinds)}.`,
    example: 'email:someone@example.com;account:acct-1001',
  },
  {
    name: 'date_range_start',
    required: false,
    description: 'First day of the date range asked for (2023-01-01).',
    example: '2023-01-01',
  },
  {
    name: 'date_range_end',
    required: false,
    description: 'Last day of the date range asked for; not before the start.',
    example: '2023-12-31',
  },
  {
    name: 'nondisclosure_kind',
    required: false,
    description: 'Nondisclosure order: none, until (a date) or indefinite. Default: none.',
    example: 'until',
  },
  {
    name: 'nondisclosure_until',
    required: false,
    description: 'The day the nondisclosure order ends; required when nondisclosure_kind is until, and only then.',
    example: '2025-03-01',
  },
  {
    name: 'nondisclosure_statute',
    required: false,
    description: 'The statute behind the nondisclosure order; required when there is an order.',
    example: '18 U.S.C. 2705(b)',
  },
  {
    name: 'status',
    required: true,
    description: `Where the request stands: ${list(importStatuses)}.`,
    example: 'closed',
  },
  {
    name: 'disposition',
    required: false,
    description: `The decision: ${list(dispositions)}. Required when the status is decided, responded or closed, and only then.`,
    example: 'produced',
  },
  {
    name: 'decided_at',
    required: false,
    description: 'When the decision was made. Only with a disposition. Default: response_sent_at, else received_at.',
    example: '2024-03-08T12:00:00Z',
  },
  {
    name: 'response_sent_at',
    required: false,
    description: 'When the response was sent. Required when the status is responded or closed, and only then.',
    example: '2024-03-12T15:00:00Z',
  },
  {
    name: 'response_method',
    required: false,
    description: `How the response was sent: ${list(responseMethods)}. Only with response_sent_at. Default: other.`,
    example: 'secure_portal',
  },
] as const satisfies readonly ImportColumn[];

export type ImportColumnName = (typeof importColumns)[number]['name'];
export const importColumnNames: readonly ImportColumnName[] = importColumns.map((c) => c.name);
export const requiredImportColumns: readonly ImportColumnName[] = importColumns
  .filter((c) => c.required)
  .map((c) => c.name);

/** The problem with a header row, in words, or null when it names the columns the import needs. */
export function checkImportHeader(header: readonly string[]): string | null {
  const names = header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(importColumnNames);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    return `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map((n) => n || '(empty)').join(', ')}. The columns are: ${importColumnNames.join(', ')}`;
  }
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length > 0) return `Column named twice: ${[...new Set(repeated)].join(', ')}`;
  const missing = requiredImportColumns.filter((n) => !names.includes(n));
  if (missing.length > 0) return `Missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`;
  return null;
}

// ---- One row --------------------------------------------------------------------------------

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2})))?$/;

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date written 2024-03-01 (and a real one: no 30 February). */
export function isImportDate(value: string): boolean {
  const m = INSTANT.exec(value);
  return m !== null && m[4] === undefined && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * An ISO 8601 date (midnight UTC) or date and time with an offset, as a full ISO instant; null when it is
 * neither. Checked by hand rather than with a schema: a large file has hundreds of thousands of them.
 */
export function importInstant(value: string): string | null {
  const m = INSTANT.exec(value);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  if (m[4] === undefined) return `${value}T00:00:00.000Z`;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const required = (column: string) => ({ error: `${column} is required` });

const text = (column: string, max: number) =>
  z
    .string(required(column))
    .trim()
    .min(1, required(column))
    .max(max, { error: `${column} must be at most ${max} characters` });

const optionalText = (column: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${column} must be at most ${max} characters` })
    .optional();

const country = (column: string) =>
  z
    .string(required(column))
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: `${column}: use a two-letter ISO 3166-1 country code, such as US or DE` });

const instant = (column: string) =>
  z
    .string(required(column))
    .trim()
    .transform((value, ctx) => {
      const parsed = importInstant(value);
      if (parsed === null) {
        ctx.addIssue({
          code: 'custom',
          message: `${column} must be a date (2024-03-01) or a date and time with offset (2024-03-01T09:00:00Z)`,
        });
        return z.NEVER;
      }
      return parsed;
    });

const day = (column: string) =>
  z
    .string()
    .trim()
    .refine(isImportDate, { error: `${column} must be a date, such as 2024-03-01` });

const enumOf = <T extends readonly [string, ...string[]]>(column: string, values: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(values, {
      error: (issue) =>
        issue.input === undefined ? `${column} is required` : `${column} must be one of: ${values.join(', ')}`,
    }),
  );

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);
const flag = (column: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const v = value.toLowerCase();
      if (TRUE.has(v)) return true;
      if (FALSE.has(v)) return false;
      ctx.addIssue({ code: 'custom', message: `${column} must be true or false` });
      return z.NEVER;
    })
    .optional();

const categories = z
  .string()
  .transform((value, ctx) => {
    const out: (typeof dataCategories)[number][] = [];
    for (const raw of value.split(';')) {
      const item = raw.trim().toLowerCase();
      if (!item) continue;
      const parsed = dataCategorySchema.safeParse(item);
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `Unknown data category "${raw.trim()}": use ${list(dataCategories)}, separated by semicolons`,
        });
        return z.NEVER;
      }
      if (!out.includes(parsed.data)) out.push(parsed.data);
    }
    return out;
  })
  .optional();

const identifiers = z.string(required('identifiers')).transform((value, ctx) => {
  const out: { kind: (typeof identifierKinds)[number]; value: string }[] = [];
  for (const raw of value.split(';')) {
    const item = raw.trim();
    if (!item) continue;
    const colon = item.indexOf(':');
    const kind = identifierKindSchema.safeParse(colon > 0 ? item.slice(0, colon).trim().toLowerCase() : '');
    const identifier = colon > 0 ? item.slice(colon + 1).trim() : '';
    if (!kind.success || !identifier) {
      ctx.addIssue({
        code: 'custom',
        message: `"${item.slice(0, 60)}" is not kind:value (kinds: ${list(identifierKinds)})`,
      });
      return z.NEVER;
    }
    if (identifier.length > 320) {
      ctx.addIssue({ code: 'custom', message: 'An identifier must be at most 320 characters' });
      return z.NEVER;
    }
    out.push({ kind: kind.data, value: identifier });
  }
  if (out.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'identifiers is required: list at least one, as kind:value' });
    return z.NEVER;
  }
  if (out.length > 500) {
    ctx.addIssue({ code: 'custom', message: 'At most 500 identifiers per request' });
    return z.NEVER;
  }
  return out;
});

/**
 * One CSV row, keyed by column name, empty cells left out. Issues name the column in their path, so the
 * import report can say which cell is wrong.
 */
export const importRowSchema = z
  .object({
    external_reference: text('external_reference', 200),
    process_type: enumOf('process_type', processTypes),
    agency_name: text('agency_name', 300),
    agency_country: country('agency_country'),
    agency_kind: enumOf('agency_kind', agencyKinds).optional(),
    country: country('country').optional(),
    received_at: instant('received_at'),
    due_at: instant('due_at').optional(),
    emergency: flag('emergency'),
    summary: text('summary', 5000),
    data_categories: categories,
    identifiers,
    date_range_start: day('date_range_start').optional(),
    date_range_end: day('date_range_end').optional(),
    nondisclosure_kind: enumOf('nondisclosure_kind', nondisclosureKinds).optional(),
    nondisclosure_until: day('nondisclosure_until').optional(),
    nondisclosure_statute: optionalText('nondisclosure_statute', 300),
    status: enumOf('status', importStatuses),
    disposition: enumOf('disposition', dispositions).optional(),
    decided_at: instant('decided_at').optional(),
    response_sent_at: instant('response_sent_at').optional(),
    response_method: enumOf('response_method', responseMethods).optional(),
  })
  .superRefine((row, ctx) => {
    const issue = (column: ImportColumnName, message: string) =>
      ctx.addIssue({ code: 'custom', path: [column], message });
    if (row.process_type !== 'preservation' && (row.data_categories ?? []).length === 0) {
      issue('data_categories', 'data_categories is required: list the data categories the request asks for');
    }
    if (row.due_at && row.due_at < row.received_at) issue('due_at', 'due_at is before received_at');
    if (row.date_range_start && row.date_range_end && row.date_range_start > row.date_range_end) {
      issue('date_range_end', 'The date range ends before it starts');
    }
    const nd = row.nondisclosure_kind ?? 'none';
    if (nd === 'until' && !row.nondisclosure_until) {
      issue('nondisclosure_until', 'Give the date the nondisclosure order ends');
    }
    if (nd !== 'until' && row.nondisclosure_until) {
      issue('nondisclosure_until', 'Only an order that ends on a date (nondisclosure_kind until) has an end date');
    }
    if (nd !== 'none' && !row.nondisclosure_statute) {
      issue('nondisclosure_statute', 'Name the statute behind the nondisclosure order');
    }
    if (DECIDED.has(row.status) && !row.disposition) {
      issue('disposition', `A ${row.status} request needs its disposition`);
    }
    if (!DECIDED.has(row.status) && row.disposition) {
      issue('disposition', `A ${row.status.replace('_', ' ')} request has no disposition yet`);
    }
    if (row.decided_at && !row.disposition) issue('decided_at', 'decided_at goes with a disposition');
    if (row.decided_at && row.decided_at < row.received_at) issue('decided_at', 'decided_at is before received_at');
    if (ANSWERED.has(row.status) && !row.response_sent_at) {
      issue('response_sent_at', `A ${row.status} request needs response_sent_at`);
    }
    if (!ANSWERED.has(row.status) && row.response_sent_at) {
      issue('response_sent_at', `A ${row.status.replace('_', ' ')} request has no response yet`);
    }
    if (row.response_sent_at && row.response_sent_at < row.received_at) {
      issue('response_sent_at', 'response_sent_at is before received_at');
    }
    if (row.response_method && !row.response_sent_at) {
      issue('response_method', 'response_method goes with response_sent_at');
    }
  })
  .transform((row) => {
    const nondisclosureKind = row.nondisclosure_kind ?? 'none';
    return {
      externalReference: row.external_reference,
      processType: row.process_type,
      agencyName: row.agency_name,
      agencyCountry: row.agency_country,
      agencyKind: row.agency_kind ?? 'other',
      country: row.country ?? row.agency_country,
      receivedAt: row.received_at,
      dueAt: row.due_at ?? null,
      emergency: (row.emergency ?? false) || row.process_type === 'emergency',
      summary: row.summary,
      dataCategories: row.data_categories ?? [],
      identifiers: row.identifiers,
      dateRangeStart: row.date_range_start ?? null,
      dateRangeEnd: row.date_range_end ?? null,
      nondisclosure: {
        kind: nondisclosureKind,
        until: nondisclosureKind === 'until' ? (row.nondisclosure_until ?? null) : null,
        statute: nondisclosureKind === 'none' ? null : (row.nondisclosure_statute ?? null),
      },
      status: row.status,
      disposition: row.disposition ?? null,
      decidedAt: row.disposition ? (row.decided_at ?? row.response_sent_at ?? row.received_at) : null,
      responseSentAt: row.response_sent_at ?? null,
      responseMethod: row.response_sent_at ? (row.response_method ?? 'other') : null,
    };
  });
export type ImportRow = z.output<typeof importRowSchema>;

/** The template's one example row, in column order. */
export const importTemplateRow: readonly string[] = importColumns.map((c) => c.example);

// ---- Requests -------------------------------------------------------------------------------

/** POST /api/legal-requests/imports?mode=…&filename=… with the CSV file as the body (text/csv). */
export const importQuerySchema = z.strictObject({
  mode: importModeSchema.default('all_or_nothing'),
  filename: z
    .string()
    .trim()
    .min(1, { error: 'filename is required' })
    .max(255, { error: 'filename must be at most 255 characters' })
    .refine((v) => !v.includes('/') && !v.includes('\\') && !v.includes(String.fromCharCode(0)), {
      error: 'filename may not contain slashes',
    })
    .default('import.csv'),
});
export type ImportQuery = z.output<typeof importQuerySchema>;

export const importHistoryQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1).max(200).default(50),
});

// ---- Views ----------------------------------------------------------------------------------

export interface ImportRejectedRow {
  /** The CSV line the row starts on (the header is line 1). */
  line: number;
  /** The column at fault, or null when the row as a whole is (wrong number of fields). */
  column: string | null;
  reason: string;
}

export interface ImportSkippedRow {
  line: number;
  reason: string;
}

/** At most this many rejected (and skipped) rows are listed; the counts are always complete. */
export const MAX_LISTED_REJECTED = 10_000;
export const MAX_LISTED_SKIPPED = 1_000;

export interface ImportResult {
  /** The import's id when it was written; null when nothing was (all or nothing with rejected rows). */
  id: string | null;
  committed: boolean;
  mode: ImportMode;
  filename: string;
  sha256: string;
  /** Data rows in the file (the header not counted). */
  rowsTotal: number;
  /** Rows that passed validation (created + skipped, when written). */
  valid: number;
  created: number;
  /** Rows whose agency and external reference were already imported (before, or earlier in the file). */
  skipped: number;
  rejected: number;
  agenciesCreated: number;
  rejectedRows: ImportRejectedRow[];
  skippedRows: ImportSkippedRow[];
}

/** One line of the NDJSON answer to an import: progress while it runs, then the result (or an error). */
export type ImportStreamLine =
  | { type: 'progress'; rows: number; bytes: number }
  | { type: 'result'; import: ImportResult }
  | { type: 'error'; error: { code: string; message: string } };

export interface ImportView {
  id: string;
  filename: string;
  sha256: string;
  mode: ImportMode;
  rowsTotal: number;
  created: number;
  skipped: number;
  rejected: number;
  agenciesCreated: number;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}
