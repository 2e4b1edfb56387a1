import { randomUUID } from 'node:crypto';
import type { Database } from '@docket/db/database';
import {
  checkImportHeader,
  type ImportMode,
  type ImportResult,
  type ImportRow,
  type ImportView,
  importColumns,
  importRowSchema,
  importTemplateRow,
  MAX_IMPORT_BYTES,
  MAX_LISTED_REJECTED,
  MAX_LISTED_SKIPPED,
} from '@docket/shared/imports.schemas';
import { stringify } from 'csv-stringify/sync';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { type DeadlineRules, loadDeadlineRules } from '../../lib/deadlines';
import { AppError } from '../../lib/errors';
import { type AuditInput, type PreparedAuditEvent, prepareAuditEvent, recordAuditBatch } from '../audit/audit.service';
import { nextDeadline } from '../legal-requests/legal-requests.clocks';
import { CsvInput, type CsvRecord } from './imports.csv';
import {
  existingExternalReferences,
  findAgenciesByNameAndCountry,
  type ImportedIdentifierRow,
  type ImportedRequestFields,
  insertAgencies,
  insertImport,
  insertRequestBatch,
  listImports,
  type RequestBatch,
  requestBatch,
  reserveReferenceNumbers,
} from './imports.queries';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

const KIND = 'legal_requests';
/** Rows written per round trip; also how often progress is reported. */
export const IMPORT_BATCH_ROWS = 1000;
const YIELD_EVERY_ROWS = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ImportProgress {
  /** Data rows read so far. */
  rows: number;
  /** Bytes of the file read so far. */
  bytes: number;
}

export interface PreparedImport {
  /** Reads the rest of the file, validates and writes; calls `onProgress` after every batch. */
  run(onProgress?: (progress: ImportProgress) => void | Promise<void>): Promise<ImportResult>;
}

/** The template: the header and one example row. */
export function importTemplateCsv(): string {
  return stringify([importColumns.map((c) => c.name), [...importTemplateRow]]);
}

export async function listImportViews(ctx: Ctx, limit: number): Promise<ImportView[]> {
  const rows = await listImports(ctx.db, KIND, limit);
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    sha256: r.sha256,
    mode: r.mode as ImportMode,
    rowsTotal: r.rows_total,
    created: r.created,
    skipped: r.skipped,
    rejected: r.rejected,
    agenciesCreated: r.agencies_created,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Thrown inside the transaction to roll an all-or-nothing import back; carries the answer out. */
class RolledBack extends Error {
  constructor(readonly result: ImportResult) {
    super('import rolled back');
  }
}

/** A valid row with everything that needs no database worked out: ids, clocks, scope. */
interface PreparedRow {
  line: number;
  row: ImportRow;
  agencyKey: string;
  year: number;
  request: ImportedRequestFields;
  identifiers: ImportedIdentifierRow[];
}

const agencyKeyOf = (name: string, country: string) => `${name.toLowerCase()}\u0000${country}`;

/** The records left over from the header's chunk, then the rest of the file. */
async function* withFirst(first: CsvRecord[], rest: AsyncGenerator<CsvRecord[]>): AsyncGenerator<CsvRecord[]> {
  try {
    if (first.length > 0) yield first;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}

/**
 * Reads the header row and checks it before anything else happens, so a wrong file is refused with a 4xx
 * before any row is processed. The rest of the file is read by `run`.
 */
export async function prepareImport(
  ctx: Ctx,
  actor: Actor,
  input: { body: AsyncIterable<Uint8Array>; filename: string; mode: ImportMode; maxBytes?: number },
): Promise<PreparedImport> {
  const csv = new CsvInput(input.body, input.maxBytes ?? MAX_IMPORT_BYTES);
  const records = csv.records();
  const first = await records.next();
  const headerRecord = first.done ? undefined : first.value[0];
  if (!headerRecord) {
    throw new AppError('bad_request', 'The file is empty: it needs a header row naming the columns');
  }
  const header = headerRecord.fields.map((h) => h.trim().toLowerCase());
  const rest = (first.value as CsvRecord[]).slice(1);
  const problem = checkImportHeader(header);
  if (problem) {
    await records.return(undefined);
    throw new AppError('validation_failed', `header: ${problem}`, { issues: [{ path: 'header', message: problem }] });
  }
  return {
    run: (onProgress) =>
      runImport(ctx, actor, {
        csv,
        records: withFirst(rest, records),
        header,
        filename: input.filename,
        mode: input.mode,
        onProgress,
      }),
  };
}

async function runImport(
  ctx: Ctx,
  actor: Actor,
  job: {
    csv: CsvInput;
    records: AsyncGenerator<CsvRecord[]>;
    header: string[];
    filename: string;
    mode: ImportMode;
    onProgress: ((progress: ImportProgress) => void | Promise<void>) | undefined;
  },
): Promise<ImportResult> {
  const now = ctx.clock.now();
  const importId = randomUUID();
  const result: ImportResult = {
    id: null,
    committed: false,
    mode: job.mode,
    filename: job.filename,
    sha256: '',
    rowsTotal: 0,
    valid: 0,
    created: 0,
    skipped: 0,
    rejected: 0,
    agenciesCreated: 0,
    rejectedRows: [],
    skippedRows: [],
  };
  const reject = (line: number, column: string | null, reason: string) => {
    result.rejected += 1;
    if (result.rejectedRows.length < MAX_LISTED_REJECTED) result.rejectedRows.push({ line, column, reason });
  };
  const skip = (line: number, reason: string) => {
    result.skipped += 1;
    if (result.skippedRows.length < MAX_LISTED_SKIPPED) result.skippedRows.push({ line, reason });
  };
  // All or nothing: after the first rejected row nothing will be kept, so rows are only validated from then on.
  const doomed = () => job.mode === 'all_or_nothing' && result.rejected > 0;

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const rules = perDayRules(await loadDeadlineRules(trx));
      const writer = new BatchWriter(trx, actor, now, importId, skip);
      /** First line of each agency + external reference seen in this file. */
      const seen = new Map<string, number>();
      let batch: PreparedRow[] = [];

      // One batch is written while the next is read and validated: the database and the parsing
      // overlap, and at most one batch is ever in flight on the transaction.
      let writing: Promise<void> = Promise.resolve();
      const flush = async () => {
        const rows = batch;
        batch = [];
        const ready = rows.length > 0 && !doomed() ? writer.prepare(rows) : null;
        await writing;
        if (rows.length > 0 && !doomed()) {
          writing = writer.write(rows, ready);
          // Handled when awaited at the next flush; this only keeps Node from calling it unhandled meanwhile.
          writing.catch(() => {});
        }
      };

      try {
        for await (const chunk of job.records)
          for (const record of chunk) {
            result.rowsTotal += 1;
            const parsed = parseRecord(record, job.header, now);
            if ('column' in parsed) {
              reject(record.line, parsed.column, parsed.reason);
            } else {
              result.valid += 1;
              const row = parsed.row;
              const agencyKey = agencyKeyOf(row.agencyName, row.agencyCountry);
              const key = `${agencyKey}\u0000${row.externalReference}`;
              const earlier = seen.get(key);
              if (earlier !== undefined) {
                skip(record.line, `Already imported: same agency and external reference as line ${earlier}`);
              } else {
                seen.set(key, record.line);
                batch.push(prepareRow(record.line, row, agencyKey, rules, now, actor));
              }
            }
            if (batch.length >= IMPORT_BATCH_ROWS) await flush();
            // Parsing alone never waits on I/O while the parser has records buffered: let the database's
            // answers in now and then, so the batch in flight finishes while the next one is read.
            if (result.rowsTotal % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
            if (result.rowsTotal % IMPORT_BATCH_ROWS === 0) {
              await job.onProgress?.({ rows: result.rowsTotal, bytes: job.csv.bytes });
            }
          }
        await flush();
        await writing;
      } catch (err) {
        // Never leave a batch running on a transaction that is about to roll back.
        await writing.catch(() => {});
        throw err;
      }
      result.skippedRows.sort((a, b) => a.line - b.line);
      result.sha256 = job.csv.sha256();
      await job.onProgress?.({ rows: result.rowsTotal, bytes: job.csv.bytes });

      if (doomed()) {
        throw new RolledBack({ ...result, created: 0, skipped: 0, skippedRows: [], agenciesCreated: 0 });
      }
      result.created = writer.created;
      result.agenciesCreated = writer.agenciesCreated;
      result.id = importId;
      result.committed = true;
      await insertImport(trx, {
        id: importId,
        kind: KIND,
        filename: job.filename,
        sha256: result.sha256,
        mode: job.mode,
        rows_total: result.rowsTotal,
        created: result.created,
        skipped: result.skipped,
        rejected: result.rejected,
        agencies_created: result.agenciesCreated,
        report: { rejected: result.rejectedRows, skipped: result.skippedRows },
        created_by: actor.userId,
        created_at: now,
      });
      writer.audit.push({
        action: 'import.completed',
        entityType: 'import',
        entityId: importId,
        changes: {
          kind: KIND,
          mode: job.mode,
          sha256: result.sha256,
          rowsTotal: result.rowsTotal,
          created: result.created,
          skipped: result.skipped,
          rejected: result.rejected,
          agenciesCreated: result.agenciesCreated,
        },
      });
      await recordAuditBatch(trx, ctx.clock, actor, writer.audit);
      return result;
    });
  } catch (err) {
    if (err instanceof RolledBack) return err.result;
    throw err;
  } finally {
    await job.records.return(undefined);
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The deadline rules, remembering what each rule adds to a start on each calendar day: whatever the unit
 * (hours, days, months, business days), what a rule adds depends only on the start's UTC date, and a
 * historical file has many rows per day.
 */
function perDayRules(rules: DeadlineRules): DeadlineRules {
  const added = new Map<string, number>();
  return {
    rule: (code) => rules.rule(code),
    add: (code, start) => {
      const dayStart = Math.floor(start.getTime() / DAY_MS) * DAY_MS;
      const key = `${code}|${dayStart}`;
      let delta = added.get(key);
      if (delta === undefined) {
        delta = rules.add(code, new Date(dayStart)).getTime() - dayStart;
        added.set(key, delta);
      }
      return new Date(start.getTime() + delta);
    },
  };
}

type Parsed = { row: ImportRow } | { column: string | null; reason: string };

/** One record to a validated row, or the first problem with it (naming the column). */
function parseRecord(record: CsvRecord, header: string[], now: Date): Parsed {
  if (record.fields.length !== header.length) {
    return {
      column: null,
      reason: `Expected ${header.length} fields (one per header column), found ${record.fields.length}`,
    };
  }
  const values: Record<string, string> = {};
  for (let i = 0; i < header.length; i += 1) {
    const value = record.fields[i] as string;
    if (value === '') continue;
    if (value.includes('\u0000')) return { column: header[i] as string, reason: 'Text may not contain NUL characters' };
    values[header[i] as string] = value;
  }
  const parsed = importRowSchema.safeParse(values);
  if (!parsed.success) {
    const [first, ...more] = parsed.error.issues;
    const column = first?.path[0] === undefined ? null : String(first.path[0]);
    const others = [...new Set(more.map((i) => String(i.path[0] ?? '')).filter((c) => c && c !== column))];
    const also = others.length > 0 ? ` (also wrong: ${others.join(', ')})` : '';
    return { column, reason: `${first?.message ?? 'Not valid'}${also}` };
  }
  if (parsed.data.receivedAt > now.toISOString()) {
    return { column: 'received_at', reason: 'received_at is in the future' };
  }
  return { row: parsed.data };
}

/** The request row as intake would write it, bar the reference and agency (which need the database). */
function prepareRow(
  line: number,
  row: ImportRow,
  agencyKey: string,
  rules: DeadlineRules,
  now: Date,
  actor: Actor,
): PreparedRow {
  const id = randomUUID();
  const receivedAt = new Date(row.receivedAt);
  const identifiers = row.identifiers.map((identifier, position) => ({
    id: randomUUID(),
    request_id: id,
    position,
    kind: identifier.kind,
    value: identifier.value,
  }));
  const clockFields = {
    status: row.status,
    emergency: row.emergency,
    due_at: row.dueAt ? new Date(row.dueAt) : rules.add(`legal.response.${row.processType}`, receivedAt),
    preservation_expires_at:
      row.processType === 'preservation' ? rules.add('legal.preservation.expiry', receivedAt) : null,
    follow_up_due_at: row.emergency ? rules.add('legal.emergency.follow_up', receivedAt) : null,
    follow_up_received_at: null,
    notice_decision: null,
    notified_at: null,
    nondisclosure_kind: row.nondisclosure.kind,
    nondisclosure_until: row.nondisclosure.until,
  };
  return {
    line,
    row,
    agencyKey,
    year: receivedAt.getUTCFullYear(),
    identifiers,
    request: {
      id,
      external_reference: row.externalReference,
      process_type: row.processType,
      country: row.country,
      received_at: receivedAt,
      summary: row.summary,
      data_categories: row.dataCategories,
      date_range_start: row.dateRangeStart,
      date_range_end: row.dateRangeEnd,
      original_scope: {
        dataCategories: row.dataCategories,
        dateRangeStart: row.dateRangeStart,
        dateRangeEnd: row.dateRangeEnd,
        identifierIds: identifiers.map((i) => i.id),
      },
      nondisclosure_statute: row.nondisclosure.statute,
      disposition: row.disposition,
      decided_at: row.decidedAt ? new Date(row.decidedAt) : null,
      response_sent_at: row.responseSentAt ? new Date(row.responseSentAt) : null,
      response_method: row.responseMethod,
      identifier_count: identifiers.length,
      created_by: actor.userId,
      updated_at: now,
      // Ended historical cases have no clock left running: nextDeadline finds every clock met.
      next_deadline_at: nextDeadline(clockFields, rules, now),
      status: clockFields.status,
      emergency: clockFields.emergency,
      due_at: clockFields.due_at,
      preservation_expires_at: clockFields.preservation_expires_at,
      follow_up_due_at: clockFields.follow_up_due_at,
      nondisclosure_kind: clockFields.nondisclosure_kind,
      nondisclosure_until: clockFields.nondisclosure_until,
    },
  };
}

/** A batch with its agencies resolved and its literals built. */
interface PreparedBatch {
  rows: PreparedRow[];
  agencyIds: string[];
  literals: RequestBatch;
}

const batchLiterals = (rows: PreparedRow[], agencyIds: string[]) =>
  requestBatch(
    rows.map((b) => b.request),
    agencyIds,
    rows.flatMap((b) => b.identifiers),
  );

/** Writes batches of valid rows: agencies, references, requests, identifiers; collects the audit events. */
class BatchWriter {
  readonly audit: (AuditInput | PreparedAuditEvent)[] = [];
  created = 0;
  agenciesCreated = 0;
  private readonly agencies = new Map<string, string>();

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly actor: Actor,
    private readonly now: Date,
    private readonly importId: string,
    private readonly skip: (line: number, reason: string) => void,
  ) {}

  /**
   * The batch's literals, when every agency in it is already resolved (otherwise `write` works them out):
   * built while the batch before is still in the database.
   */
  prepare(batch: PreparedRow[]): PreparedBatch | null {
    const agencyIds: string[] = [];
    for (const b of batch) {
      const id = this.agencies.get(b.agencyKey);
      if (id === undefined) return null;
      agencyIds.push(id);
    }
    return { rows: batch, agencyIds, literals: batchLiterals(batch, agencyIds) };
  }

  async write(batch: PreparedRow[], ready: PreparedBatch | null): Promise<void> {
    if (!ready) await this.resolveAgencies(batch);
    let prepared = ready ?? this.prepare(batch);
    if (!prepared) throw new Error('agencies not resolved');
    const { agencyIds: batchAgencyIds } = prepared;
    const known = await existingExternalReferences(
      this.trx,
      batch.map((b, i) => ({ agencyId: batchAgencyIds[i] as string, externalReference: b.row.externalReference })),
    );
    if (known.length > 0) {
      // Rows already on record (a re-import): the batch is built again without them.
      const onRecord = new Set(known.map((k) => `${k.agency_id}\u0000${k.external_reference}`));
      const rows: PreparedRow[] = [];
      const agencyIds: string[] = [];
      for (const [i, b] of prepared.rows.entries()) {
        const agencyId = prepared.agencyIds[i] as string;
        if (onRecord.has(`${agencyId}\u0000${b.row.externalReference}`)) {
          this.skip(b.line, 'Already imported: a request from this agency with this external reference exists');
        } else {
          rows.push(b);
          agencyIds.push(agencyId);
        }
      }
      if (rows.length === 0) return;
      prepared = { rows, agencyIds, literals: batchLiterals(rows, agencyIds) };
    }
    const fresh = prepared.rows;

    const perYear = new Map<number, number>();
    for (const b of fresh) perYear.set(b.year, (perYear.get(b.year) ?? 0) + 1);
    const nextNumber = await reserveReferenceNumbers(this.trx, 'LR', perYear);
    const references = fresh.map((b) => {
      const number = nextNumber.get(b.year) ?? 1;
      nextNumber.set(b.year, number + 1);
      return `LR-${b.year}-${String(number).padStart(5, '0')}`;
    });

    const insertion = insertRequestBatch(this.trx, prepared.literals, references);
    insertion.catch(() => {});
    // While the database inserts, work out the audit events (their canonical JSON is the costly part).
    await yieldToEventLoop();
    const events = fresh.map((b, i) =>
      prepareAuditEvent(this.actor, this.now, {
        action: 'legal_request.imported',
        entityType: 'legal_request',
        entityId: b.request.id,
        changes: {
          importId: this.importId,
          line: b.line,
          reference: references[i],
          processType: b.request.process_type,
          agencyId: prepared.agencyIds[i],
          country: b.request.country,
          status: b.request.status,
          identifiers: b.request.identifier_count,
        },
      }),
    );
    const inserted = await insertion;
    for (const [i, b] of fresh.entries()) {
      if (inserted.has(b.request.id)) this.audit.push(events[i] as PreparedAuditEvent);
      else this.skip(b.line, 'Already imported: another import wrote this request at the same moment');
    }
    this.created += inserted.size;
  }

  /** Finds the batch's agencies in the registry, adding the unknown ones (unverified, audited). */
  private async resolveAgencies(batch: PreparedRow[]): Promise<void> {
    const wanted = new Map<string, ImportRow>();
    for (const b of batch)
      if (!this.agencies.has(b.agencyKey) && !wanted.has(b.agencyKey)) wanted.set(b.agencyKey, b.row);
    if (wanted.size === 0) return;
    const lookup = () =>
      findAgenciesByNameAndCountry(
        this.trx,
        [...wanted.values()].map((r) => ({ name: r.agencyName, country: r.agencyCountry })),
      );
    for (const a of await lookup()) {
      this.agencies.set(agencyKeyOf(a.name, a.country), a.id);
      wanted.delete(agencyKeyOf(a.name, a.country));
    }
    if (wanted.size === 0) return;
    const added = await insertAgencies(
      this.trx,
      [...wanted.values()].map((r) => ({
        name: r.agencyName,
        kind: r.agencyKind,
        country: r.agencyCountry,
        contact: '',
        verification_method: null,
        verified_at: null,
        verified_by: null,
        updated_at: this.now,
      })),
    );
    for (const a of added) {
      this.agencies.set(agencyKeyOf(a.name, a.country), a.id);
      this.agenciesCreated += 1;
      this.audit.push(
        prepareAuditEvent(this.actor, this.now, {
          action: 'agency.created',
          entityType: 'agency',
          entityId: a.id,
          changes: { kind: a.kind, country: a.country, verificationMethod: null, importId: this.importId },
        }),
      );
    }
    // Any another writer added at the same moment.
    if (added.length < wanted.size) {
      for (const a of await lookup()) this.agencies.set(agencyKeyOf(a.name, a.country), a.id);
    }
  }
}
