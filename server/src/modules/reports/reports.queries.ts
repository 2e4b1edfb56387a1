import type { Database } from '@docket/db/database';
import { type Kysely, sql } from 'kysely';

export interface Scope {
  start: Date;
  /** Exclusive. */
  end: Date;
  country?: string | undefined;
  processType?: string | undefined;
}

function where(s: Scope) {
  return sql.join(
    [
      sql`r.received_at >= ${s.start}`,
      sql`r.received_at < ${s.end}`,
      ...(s.country ? [sql`r.country = ${s.country}`] : []),
      ...(s.processType ? [sql`r.process_type = ${s.processType}`] : []),
    ],
    sql` and `,
  );
}

/** What the report counts of a set of requests. */
export interface RequestCounts {
  requests: number;
  accounts: number;
  produced: number;
  with_order: number;
  pushed_back: number;
  pb_withdrawn: number;
  pb_narrowed: number;
  pb_upheld: number;
  pb_pending: number;
}

export const noRequests = (): RequestCounts => ({
  requests: 0,
  accounts: 0,
  produced: 0,
  with_order: 0,
  pushed_back: 0,
  pb_withdrawn: 0,
  pb_narrowed: 0,
  pb_upheld: 0,
  pb_pending: 0,
});

export interface RequestGroup extends RequestCounts {
  country: string;
  /** The process type, or 'emergency' for an emergency request of any type but preservation. */
  type: string;
}

const pushbackCounts: Record<string, 'pb_withdrawn' | 'pb_narrowed' | 'pb_upheld' | 'pb_pending'> = {
  withdrawn: 'pb_withdrawn',
  narrowed: 'pb_narrowed',
  upheld: 'pb_upheld',
  pending: 'pb_pending',
};

/**
 * One pass over the period's requests: emergency requests form their own type (preservation stays
 * preservation), so every request falls in exactly one group and totals never double count. The database
 * groups by the columns as they are (pushback outcome included) and counts four things; the groups are
 * folded here, which costs PostgreSQL less than seven filtered counts per row.
 */
export async function requestGroups(db: Kysely<Database>, s: Scope): Promise<RequestGroup[]> {
  const result = await sql<{
    country: string;
    process_type: string;
    emergency: boolean;
    pushback_outcome: string | null;
    requests: number;
    accounts: number;
    produced: number;
    with_order: number;
  }>`
    select r.country, r.process_type, r.emergency, r.pushback_outcome,
           count(*)::int as requests,
           coalesce(sum(r.identifier_count), 0)::int as accounts,
           (count(*) filter (where r.disposition in ('produced', 'partial')))::int as produced,
           (count(*) filter (where r.nondisclosure_kind <> 'none'))::int as with_order
    from legal_requests r
    where ${where(s)}
    group by 1, 2, 3, 4`.execute(db);
  const groups = new Map<string, RequestGroup>();
  for (const row of result.rows) {
    const type = row.emergency && row.process_type !== 'preservation' ? 'emergency' : row.process_type;
    const key = `${row.country}\u0000${type}`;
    let g = groups.get(key);
    if (!g) {
      g = { country: row.country, type, ...noRequests() };
      groups.set(key, g);
    }
    g.requests += row.requests;
    g.accounts += row.accounts;
    g.produced += row.produced;
    g.with_order += row.with_order;
    if (row.pushback_outcome !== null) {
      g.pushed_back += row.requests;
      const outcome = pushbackCounts[row.pushback_outcome];
      if (outcome) g[outcome] += row.requests;
    }
  }
  const byCountryAndType = (a: RequestGroup, b: RequestGroup) =>
    a.country < b.country ? -1 : a.country > b.country ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
  return [...groups.values()].sort(byCountryAndType);
}

/** The period's complaints: totals, medians, escalations by regulator and outcomes, asked all at once. */
export async function complaintFigures(db: Kysely<Database>, start: Date, end: Date) {
  // Escalated complaints are one hashed set joined once, not a look-up per complaint and per count.
  // date_part gives a float8: extract() gives a numeric, which made sorting for the medians take half the time.
  const totals = sql<{
    received: number;
    resolved_directly: number;
    escalated: number;
    median_first_contact: number | null;
    median_resolution: number | null;
  }>`
    select count(*)::int as received,
           (count(*) filter (where c.resolved_at is not null and e.complaint_id is null))::int as resolved_directly,
           (count(*) filter (where e.complaint_id is not null))::int as escalated,
           percentile_cont(0.5) within group (order by date_part('epoch', c.first_contact_at - c.received_at) / 86400)
             as median_first_contact,
           percentile_cont(0.5) within group (order by date_part('epoch', c.resolved_at - c.received_at) / 86400)
             as median_resolution
    from complaints c
    left join (select distinct complaint_id from escalations) e on e.complaint_id = c.id
    where c.received_at >= ${start} and c.received_at < ${end}`.execute(db);
  const byRegulator = sql<{ regulator: string; country: string; complaints: number }>`
    select coalesce(g.short_name, g.name) as regulator, g.country, count(distinct c.id)::int as complaints
    from complaints c join escalations e on e.complaint_id = c.id join regulators g on g.id = e.regulator_id
    where c.received_at >= ${start} and c.received_at < ${end}
    group by 1, 2 order by 2, 1`.execute(db);
  const outcomes = sql<{ outcome: string; complaints: number }>`
    select c.outcome, count(*)::int as complaints
    from complaints c
    where c.received_at >= ${start} and c.received_at < ${end} and c.outcome is not null
    group by 1 order by 1`.execute(db);
  const [totalsResult, byRegulatorResult, outcomesResult] = await Promise.all([totals, byRegulator, outcomes]);
  return { totals: totalsResult.rows[0], byRegulator: byRegulatorResult.rows, outcomes: outcomesResult.rows };
}
