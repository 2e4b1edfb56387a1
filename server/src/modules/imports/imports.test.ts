import { recordAudit, recordAuditBatch, verifyAuditChain } from '@docket/server/modules/audit/audit.service';
import {
  type ImportColumnName,
  type ImportResult,
  type ImportStreamLine,
  importColumnNames,
} from '@docket/shared/imports.schemas';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../test/support/agent';
import { makeAgency, makeLegalRequest, signedIn } from '../../../../test/support/factories';
import { rowCounts } from '../../../../test/support/table-counts';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';
import { prepareImport } from './imports.service';

let ctx: TestContext;
let legal: Agent;
let legalId: string;
let counter = 0;

beforeAll(async () => {
  ctx = await setupTestApp();
  const signed = await signedIn(ctx, 'legal');
  legal = signed.agent;
  legalId = signed.person.user.id;
});

type Row = Partial<Record<ImportColumnName, string>>;

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A valid historical row (closed, produced) with a unique external reference; overrides change cells. */
function row(overrides: Row = {}): Row {
  counter += 1;
  return {
    external_reference: `EXT-${counter}-${Math.random().toString(36).slice(2, 7)}`,
    process_type: 'subpoena',
    agency_name: 'Metropolitan Police Service',
    agency_country: 'GB',
    agency_kind: 'law_enforcement',
    received_at: '2024-03-01T09:00:00Z',
    summary: 'Production order for subscriber records',
    data_categories: 'subscriber',
    identifiers: `email:user${counter}@mail.example;account:acct-${counter}`,
    status: 'closed',
    disposition: 'produced',
    response_sent_at: '2024-03-12T15:00:00Z',
    ...overrides,
  };
}

function csv(rows: Row[], columns: readonly string[] = importColumnNames, eol = '\n'): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => quote(r[c as ImportColumnName] ?? '')).join(','));
  return `${lines.join(eol)}${eol}`;
}

interface ImportReply {
  status: number;
  body: any;
  lines: ImportStreamLine[];
  result: ImportResult;
}

async function importCsv(
  text: string,
  query = 'mode=valid_rows&filename=history.csv',
  options: { agent?: Agent; contentType?: string } = {},
): Promise<ImportReply> {
  const res = await (options.agent ?? legal).request('POST', `/api/legal-requests/imports?${query}`, {
    body: text,
    headers: { 'content-type': options.contentType ?? 'text/csv' },
  });
  let lines: ImportStreamLine[] = [];
  if (res.status === 200) {
    lines =
      typeof res.body === 'string'
        ? res.body
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l))
        : [res.body];
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  }
  const last = lines[lines.length - 1];
  return {
    status: res.status,
    body: res.body,
    lines,
    result: (last?.type === 'result' ? last.import : undefined) as ImportResult,
  };
}

/** Row counts of every table and the chain's last hash: "nothing written" means none of it moved. */
async function snapshot() {
  const counts = await rowCounts(ctx.deps.db);
  const counters = await sql<{ c: string }>`
    select coalesce(string_agg(prefix || year || ':' || last, ',' order by prefix, year), '') as c from reference_counters`.execute(
    ctx.deps.db,
  );
  const last = await ctx.deps.db
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { counts, counters: counters.rows[0]?.c, lastHash: last?.hash ?? null };
}

const byExternal = (externalReference: string | undefined) =>
  ctx.deps.db
    .selectFrom('legal_requests')
    .selectAll()
    .where('external_reference', '=', externalReference ?? '')
    .execute();

async function eventsOf(action: string, importId: string) {
  return ctx.deps.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .where(sql<boolean>`changes->>'importId' = ${importId}`)
    .execute();
}

/** Two good rows and two bad ones (lines 3 and 5), one good row naming an agency not yet in the registry. */
function mixedFile() {
  const agency = `Imported Agency ${Math.random().toString(36).slice(2, 7)}`;
  const rows = [
    row({ agency_name: agency, agency_country: 'de', agency_kind: 'prosecutor', received_at: '2023-05-04' }),
    row({ summary: '' }),
    row({ status: 'in_review', disposition: '', response_sent_at: '' }),
    row({ process_type: 'letter' }),
  ];
  return { rows, agency, text: csv(rows) };
}

describe('template and columns', () => {
  it('serves a CSV template whose header is the documented column set, and the template imports', async () => {
    const res = await legal.get('/api/legal-requests/imports/template.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const [header, example] = String(res.body).trim().split('\n');
    expect(header).toBe(importColumnNames.join(','));
    expect(example).toContain('GJ-2024-0113');
    const imported = await importCsv(String(res.body), 'filename=template.csv');
    expect(imported.result).toMatchObject({ committed: true, rowsTotal: 1, created: 1, rejected: 0 });
  });

  it('answers /imports from the imports routes, not as a legal request id', async () => {
    const list = await legal.get('/api/legal-requests/imports');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body.imports)).toBe(true);
    // The case routes still work beside it.
    const agency = await makeAgency(legal);
    const request = await makeLegalRequest(legal, agency.id);
    expect((await legal.get(`/api/legal-requests/${request.id}`)).status).toBe(200);
  });
});

describe('all or nothing', () => {
  it('writes nothing at all — no request, agency, counter or audit event — when one row is rejected', async () => {
    const { text, agency } = mixedFile();
    const before = await snapshot();
    const reply = await importCsv(text, 'mode=all_or_nothing&filename=mixed.csv');
    expect(reply.status).toBe(200);
    expect(reply.result).toMatchObject({
      id: null,
      committed: false,
      mode: 'all_or_nothing',
      rowsTotal: 4,
      valid: 2,
      created: 0,
      rejected: 2,
    });
    expect(reply.result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(reply.result.rejectedRows).toEqual([
      { line: 3, column: 'summary', reason: 'summary is required' },
      { line: 5, column: 'process_type', reason: expect.stringContaining('process_type must be one of: subpoena') },
    ]);
    expect(await snapshot()).toEqual(before);
    const agencies = await ctx.deps.db.selectFrom('agencies').select('id').where('name', '=', agency).execute();
    expect(agencies).toEqual([]);
  });

  it('is the default mode, and writes every row when all are valid', async () => {
    const rows = [row(), row({ process_type: 'preservation', data_categories: '' })];
    const reply = await importCsv(csv(rows), 'filename=good.csv');
    expect(reply.result).toMatchObject({ committed: true, mode: 'all_or_nothing', created: 2, rejected: 0 });
    expect(await byExternal(rows[1]?.external_reference)).toHaveLength(1);
  });
});

describe('valid rows', () => {
  it('writes exactly the valid rows and reports each rejected row by line, column and reason', async () => {
    const { rows, text, agency } = mixedFile();
    const before = await snapshot();
    const reply = await importCsv(text, 'mode=valid_rows&filename=mixed.csv');
    const result = reply.result;
    expect(result).toMatchObject({
      committed: true,
      mode: 'valid_rows',
      filename: 'mixed.csv',
      rowsTotal: 4,
      valid: 2,
      created: 2,
      skipped: 0,
      rejected: 2,
      agenciesCreated: 1,
    });
    expect(result.rejectedRows.map((r) => [r.line, r.column])).toEqual([
      [3, 'summary'],
      [5, 'process_type'],
    ]);
    const after = await snapshot();
    expect(after.counts.legal_requests).toBe((before.counts.legal_requests ?? 0) + 2);
    expect(after.counts.legal_request_identifiers).toBe((before.counts.legal_request_identifiers ?? 0) + 4);
    expect(after.counts.agencies).toBe((before.counts.agencies ?? 0) + 1);
    expect(after.counts.imports).toBe((before.counts.imports ?? 0) + 1);
    // Two requests, one agency, one import: four events.
    expect(after.counts.audit_events).toBe((before.counts.audit_events ?? 0) + 4);

    // The new agency: in the registry, unverified, with the row's kind and the country upper-cased.
    const added = await ctx.deps.db
      .selectFrom('agencies')
      .selectAll()
      .where('name', '=', agency)
      .executeTakeFirstOrThrow();
    expect(added).toMatchObject({ country: 'DE', kind: 'prosecutor', verification_method: null, verified_at: null });

    const [first] = await byExternal(rows[0]?.external_reference);
    expect(first).toMatchObject({
      agency_id: added.id,
      country: 'DE',
      status: 'closed',
      disposition: 'produced',
      process_type: 'subpoena',
      identifier_count: 2,
      created_by: legalId,
      next_deadline_at: null,
    });
    expect(first?.reference).toMatch(/^LR-2023-\d{5}$/);
    expect(first?.received_at.toISOString()).toBe('2023-05-04T00:00:00.000Z');
    expect(first?.response_sent_at?.toISOString()).toBe('2024-03-12T15:00:00.000Z');
    // The decision date defaults to when the response went out.
    expect(first?.decided_at?.toISOString()).toBe('2024-03-12T15:00:00.000Z');
    const identifiers = await ctx.deps.db
      .selectFrom('legal_request_identifiers')
      .selectAll()
      .where('request_id', '=', first?.id as string)
      .orderBy('position')
      .execute();
    expect(identifiers.map((i) => i.kind)).toEqual(['email', 'account']);
    expect(first?.original_scope).toEqual({
      dataCategories: ['subscriber'],
      dateRangeStart: null,
      dateRangeEnd: null,
      identifierIds: identifiers.map((i) => i.id),
    });

    // The case page shows it like any other request.
    const view = await legal.get(`/api/legal-requests/${first?.id}`);
    expect(view.status).toBe(200);
    expect(view.body.request).toMatchObject({
      reference: first?.reference,
      externalReference: rows[0]?.external_reference,
      status: 'closed',
      decision: { disposition: 'produced' },
    });

    // Audit: one event per request, one for the agency, one for the import; ids only, and the chain holds.
    const imported = await eventsOf('legal_request.imported', result.id as string);
    expect(imported).toHaveLength(2);
    expect(imported[0]?.actor_id).toBe(legalId);
    expect(JSON.stringify(imported)).not.toContain('@mail.example');
    expect(await eventsOf('agency.created', result.id as string)).toHaveLength(1);
    const done = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'import.completed')
      .where('entity_id', '=', result.id)
      .executeTakeFirstOrThrow();
    expect(done.changes).toMatchObject({ created: 2, rejected: 2, skipped: 0, mode: 'valid_rows' });
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true });

    // History lists it with its counts.
    const history = await legal.get('/api/legal-requests/imports');
    expect(history.body.imports.find((i: { id: string }) => i.id === result.id)).toMatchObject({
      id: result.id,
      filename: 'mixed.csv',
      mode: 'valid_rows',
      rowsTotal: 4,
      created: 2,
      rejected: 2,
      agenciesCreated: 1,
      createdBy: legalId,
    });
  });

  it('sets clocks as intake does: a still-open historical request carries its overdue response clock', async () => {
    const open = row({
      status: 'received',
      disposition: '',
      response_sent_at: '',
      received_at: '2024-11-25T15:30:00Z',
    });
    const emergency = row({
      process_type: 'emergency',
      status: 'responded',
      received_at: '2024-06-01T08:00:00Z',
      response_sent_at: '2024-06-01T10:00:00Z',
      data_categories: 'subscriber;non_content',
    });
    const reply = await importCsv(csv([open, emergency]));
    expect(reply.result.created).toBe(2);
    const [received] = await byExternal(open.external_reference);
    // Subpoena: 10 US business days (no 2024 holidays are seeded).
    expect(received?.due_at?.toISOString()).toBe('2024-12-09T15:30:00.000Z');
    expect(received?.next_deadline_at?.toISOString()).toBe('2024-12-09T15:30:00.000Z');
    const [answered] = await byExternal(emergency.external_reference);
    expect(answered?.emergency).toBe(true);
    // Answered, but an emergency still waits for its follow-up process (14 days).
    expect(answered?.next_deadline_at?.toISOString()).toBe('2024-06-15T08:00:00.000Z');
  });

  it('names the column for cross-field rules, dates, identifiers and NUL characters', async () => {
    const rows = [
      row({ nondisclosure_kind: 'until', nondisclosure_statute: '18 U.S.C. 2705(b)' }),
      row({ identifiers: 'email' }),
      row({ received_at: '01/03/2024' }),
      row({ status: 'decided', response_sent_at: '', disposition: '' }),
      row({ summary: 'a\u0000b' }),
      row({ received_at: '2999-01-01', status: 'received', disposition: '', response_sent_at: '' }),
      row({ country: 'Germany' }),
      row({ emergency: 'maybe' }),
    ];
    const reply = await importCsv(csv(rows));
    expect(reply.result.created).toBe(0);
    expect(reply.result.rejectedRows.map((r) => [r.line, r.column])).toEqual([
      [2, 'nondisclosure_until'],
      [3, 'identifiers'],
      [4, 'received_at'],
      [5, 'disposition'],
      [6, 'summary'],
      [7, 'received_at'],
      [8, 'country'],
      [9, 'emergency'],
    ]);
    expect(reply.result.rejectedRows[5]?.reason).toBe('received_at is in the future');
  });
});

describe('re-import and duplicates', () => {
  it('creates nothing when the same file is imported again: every row is skipped as already imported', async () => {
    const rows = [row(), row(), row({ agency_name: 'Imported Twice Agency', agency_country: 'FR' })];
    const text = csv(rows);
    const first = await importCsv(text, 'mode=all_or_nothing&filename=once.csv');
    expect(first.result).toMatchObject({ created: 3, skipped: 0, agenciesCreated: 1 });
    const before = await snapshot();
    const again = await importCsv(text, 'mode=all_or_nothing&filename=once.csv');
    expect(again.result).toMatchObject({ committed: true, created: 0, skipped: 3, rejected: 0, agenciesCreated: 0 });
    expect(again.result.sha256).toBe(first.result.sha256);
    expect(again.result.skippedRows.map((s) => s.line)).toEqual([2, 3, 4]);
    expect(again.result.skippedRows[0]?.reason).toMatch(/Already imported/);
    const after = await snapshot();
    expect(after.counts.legal_requests).toBe(before.counts.legal_requests);
    expect(after.counts.agencies).toBe(before.counts.agencies);
    expect(after.counters).toBe(before.counters);
    for (const r of rows) expect(await byExternal(r.external_reference)).toHaveLength(1);
  });

  it('skips a repeated agency and external reference inside one file (agency name in any case)', async () => {
    const original = row();
    const repeat = { ...original, agency_name: original.agency_name?.toUpperCase(), summary: 'Same request again' };
    const reply = await importCsv(csv([original, row(), repeat]));
    expect(reply.result).toMatchObject({ created: 2, skipped: 1 });
    expect(reply.result.skippedRows).toEqual([
      { line: 4, reason: 'Already imported: same agency and external reference as line 2' },
    ]);
    expect(await byExternal(original.external_reference)).toHaveLength(1);
  });

  it('the same external reference from another agency is another request', async () => {
    const a = row({ external_reference: 'CASE-1', agency_name: `Agency A ${counter}` });
    const b = row({ external_reference: 'CASE-1', agency_name: `Agency B ${counter}` });
    expect((await importCsv(csv([a, b]))).result.created).toBe(2);
  });

  it('two imports of the same file at once create each request once', async () => {
    const text = csv([row(), row(), row()]);
    const [one, two] = await Promise.all([importCsv(text), importCsv(text)]);
    expect((one?.result.created ?? 0) + (two?.result.created ?? 0)).toBe(3);
    expect((one?.result.skipped ?? 0) + (two?.result.skipped ?? 0)).toBe(3);
  });

  it('refuses a second request with the same agency reference through intake too', async () => {
    const agency = await makeAgency(legal);
    await makeLegalRequest(legal, agency.id, { externalReference: 'AGY-77' });
    const res = await legal.post('/api/legal-requests', {
      ...(await import('../../../../test/support/factories')).legalRequestInput(agency.id),
      externalReference: 'AGY-77',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.issues[0].path).toBe('externalReference');
  });
});

describe('CSV details', () => {
  it('keeps line numbers right across quoted commas, quotes and line breaks, CRLF and blank lines', async () => {
    const multi = row({ summary: 'Asked for: "all records", logs,\nand more\non three lines' });
    const bad = row({ process_type: 'warrant' });
    const text = `${csv([multi, row()], importColumnNames, '\r\n')}\r\n${csv([bad]).split('\n').slice(1).join('\n')}`;
    const reply = await importCsv(text);
    // Header 1; the multi-line row 2–4; a good row 5; a blank line 6; the bad row 7.
    expect(reply.result).toMatchObject({ rowsTotal: 3, created: 2, rejected: 1 });
    expect(reply.result.rejectedRows).toEqual([
      { line: 7, column: 'process_type', reason: expect.stringContaining('process_type must be one of') },
    ]);
    const [stored] = await byExternal(multi.external_reference);
    expect(stored?.summary).toBe('Asked for: "all records", logs,\nand more\non three lines');
  });

  it('accepts columns in any order and leaves out optional ones; a UTF-8 BOM is ignored', async () => {
    const columns = ['status', 'summary', 'identifiers', 'external_reference', 'process_type', 'agency_name'];
    const r = row({ status: 'withdrawn', process_type: 'preservation' });
    const withCountry = [...columns, 'agency_country', 'received_at'];
    const reply = await importCsv(`\uFEFF${csv([r], withCountry)}`);
    expect(reply.result).toMatchObject({ created: 1, rejected: 0 });
  });

  it('rejects a row with the wrong number of fields as a whole', async () => {
    const text = `${csv([row()])}a,b,c\n`;
    const reply = await importCsv(text);
    expect(reply.result.rejectedRows).toEqual([
      { line: 3, column: null, reason: `Expected ${importColumnNames.length} fields (one per header column), found 3` },
    ]);
  });

  it('reports progress per batch of 1,000 rows and numbers references per received year across batches', async () => {
    const agency = `Bulk Agency ${counter}`;
    const rows = Array.from({ length: 2500 }, (_, i) =>
      row({ agency_name: agency, received_at: `${i % 2 === 0 ? 2011 : 2012}-02-03T10:00:00Z` }),
    );
    rows[1499] = { ...(rows[1499] as Row), summary: '' };
    rows[2399] = { ...(rows[2399] as Row), external_reference: rows[9]?.external_reference };
    const reply = await importCsv(csv(rows));
    expect(reply.lines.filter((l) => l.type === 'progress').map((l) => (l as { rows: number }).rows)).toEqual([
      1000, 2000, 2500,
    ]);
    expect(reply.result).toMatchObject({ rowsTotal: 2500, created: 2498, skipped: 1, rejected: 1 });
    expect(reply.result.rejectedRows[0]).toMatchObject({ line: 1501, column: 'summary' });
    expect(reply.result.skippedRows[0]).toMatchObject({ line: 2401 });
    const refs = await ctx.deps.db
      .selectFrom('legal_requests as r')
      .innerJoin('agencies as a', 'a.id', 'r.agency_id')
      .select('r.reference')
      .where('a.name', '=', agency)
      .orderBy('r.reference')
      .execute();
    const numbers = (year: number) =>
      refs.filter((r) => r.reference.startsWith(`LR-${year}-`)).map((r) => Number(r.reference.slice(-5)));
    // 1,250 rows a year minus one rejected (2012) and one skipped (2012): consecutive from 1.
    expect(numbers(2011)).toEqual(Array.from({ length: 1250 }, (_, i) => i + 1));
    expect(numbers(2012)).toEqual(Array.from({ length: 1248 }, (_, i) => i + 1));
    // In file order, across batches: the rows of lines 2, 3, 2002 and 2003 (the 1,001st of 2012, one rejected).
    for (const [index, reference] of [
      [0, 'LR-2011-00001'],
      [1, 'LR-2012-00001'],
      [2000, 'LR-2011-01001'],
      [2001, 'LR-2012-01000'],
    ] as const) {
      expect((await byExternal(rows[index]?.external_reference))[0]?.reference).toBe(reference);
    }
    // Intake continues the same yearly counter.
    const later = await makeLegalRequest(legal, (await makeAgency(legal)).id, { receivedAt: '2011-12-01T09:00:00Z' });
    expect(later.reference).toBe('LR-2011-01251');
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true });
  });
});

describe('reference numbers', () => {
  it('go past 99,999 with more digits, as intake numbers them', async () => {
    await ctx.deps.db.insertInto('reference_counters').values({ prefix: 'LR', year: 2009, last: 99_998 }).execute();
    const rows = [1, 2, 3].map(() => row({ received_at: '2009-06-01T10:00:00Z' }));
    const reply = await importCsv(csv(rows));
    expect(reply.result).toMatchObject({ created: 3 });
    const references = [];
    for (const r of rows) references.push((await byExternal(r.external_reference))[0]?.reference);
    expect(references).toEqual(['LR-2009-99999', 'LR-2009-100000', 'LR-2009-100001']);
    const later = await makeLegalRequest(legal, (await makeAgency(legal)).id, { receivedAt: '2009-12-01T09:00:00Z' });
    expect(later.reference).toBe('LR-2009-100002');
  });
});

describe('refused before any row is processed', () => {
  it('answers 4xx for a wrong header, content type, mode or empty file, and writes nothing', async () => {
    const before = await snapshot();
    const missing = await importCsv(
      csv(
        [row()],
        importColumnNames.filter((c) => c !== 'summary'),
      ),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'validation_failed' });
    expect(missing.body.error.message).toMatch(/^header: Missing required column: summary/);

    const unknown = await importCsv(csv([row()], [...importColumnNames, 'notes']));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Unknown column: notes/);

    const twice = await importCsv(csv([row()], [...importColumnNames, 'summary']));
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(/Column named twice: summary/);

    const json = await importCsv(csv([row()]), undefined, { contentType: 'application/json' });
    expect(json.status).toBe(415);
    const latin1 = await importCsv(csv([row()]), undefined, { contentType: 'text/csv; charset=iso-8859-1' });
    expect(latin1.status).toBe(415);

    const mode = await importCsv(csv([row()]), 'mode=some_rows');
    expect(mode.status).toBe(400);
    expect(mode.body.error.issues[0].path).toBe('mode');

    const slash = await importCsv(csv([row()]), 'filename=../x.csv');
    expect(slash.status).toBe(400);

    const empty = await importCsv('');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/empty/);

    expect(await snapshot()).toEqual(before);
  });

  it('lets only legal and admin import, and only they read the history and the template', async () => {
    const text = csv([row()]);
    for (const role of ['support', 'compliance'] as const) {
      const { agent } = await signedIn(ctx, role);
      expect((await importCsv(text, undefined, { agent })).status).toBe(403);
      expect((await agent.get('/api/legal-requests/imports')).status).toBe(403);
      expect((await agent.get('/api/legal-requests/imports/template.csv')).status).toBe(403);
    }
    const { agent: admin } = await signedIn(ctx, 'admin');
    expect((await importCsv(text, undefined, { agent: admin })).result.created).toBe(1);
  });
});

describe('failures while reading', () => {
  const actor = () => ({ userId: legalId, requestId: 'test' });
  async function* chunks(...parts: string[]) {
    for (const part of parts) yield new TextEncoder().encode(part);
  }

  it('rolls everything back when the file turns out too large or malformed mid-way, even in valid-rows mode', async () => {
    const before = await snapshot();
    // Depending on how far the reader got, the error comes from reading the header or from the run.
    const attempt = async (body: AsyncIterable<Uint8Array>, maxBytes?: number) =>
      (
        await prepareImport(ctx.deps, actor(), {
          body,
          filename: 'bad.csv',
          mode: 'valid_rows',
          ...(maxBytes ? { maxBytes } : {}),
        })
      ).run();
    const rows = csv(Array.from({ length: 40 }, () => row()))
      .split('\n')
      .slice(1)
      .join('\n');
    await expect(attempt(chunks(csv([row()]), rows), 4000)).rejects.toMatchObject({
      code: 'payload_too_large',
      message: 'The file is larger than 4000 bytes',
    });
    await expect(attempt(chunks(csv([row(), row()]), 'x,"unclosed\n'))).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/not valid CSV/),
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('audit batch', () => {
  it('appends a batch to the chain between single events, in order, and the chain verifies', async () => {
    const actor = { userId: legalId, requestId: 'batch-test' };
    const first = await ctx.deps.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, ctx.clock, actor, { action: 'test.single', entityType: 'test', entityId: null }),
      );
    const batch = await ctx.deps.db.transaction().execute((trx) =>
      recordAuditBatch(
        trx,
        ctx.clock,
        actor,
        Array.from({ length: 2500 }, (_, i) => ({
          action: 'test.batch',
          entityType: 'test',
          entityId: null,
          changes: { i },
        })),
      ),
    );
    expect(batch).toEqual({ firstSeq: first + 1, lastSeq: first + 2500 });
    const last = await ctx.deps.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, ctx.clock, actor, { action: 'test.single', entityType: 'test', entityId: null }),
      );
    expect(last).toBe(first + 2501);
    const order = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['seq', 'changes'])
      .where('action', '=', 'test.batch')
      .orderBy('seq')
      .execute();
    expect(order.map((e) => e.changes.i)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    expect(await verifyAuditChain(ctx.deps.db, 700)).toMatchObject({ ok: true, lastSeq: last });
  });
});
