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

/**
 * One pass over the period's requests: emergency requests form their own type (preservation stays
 * preservation), so every request falls in exactly one group and totals never double count.
 */
export async function requestGroups(db: Kysely<Database>, s: Scope) {
  const result = await sql<{
    country: string;
    type: string;
    requests: number;
    accounts: number;
    produced: number;
    with_order: number;
    pushed_back: number;
    pb_withdrawn: number;
    pb_narrowed: number;
    pb_upheld: number;
    pb_pending: number;
  }>`
    select r.country,
           case when r.emergency and r.process_type <> 'preservation' then 'emergency' else r.process_type end as type,
           count(*)::int as requests,
           coalesce(sum(r.identifier_count), 0)::int as accounts,
           (count(*) filter (where r.disposition in ('produced', 'partial')))::int as produced,
           (count(*) filter (where r.nondisclosure_kind <> 'none'))::int as with_order,
           (count(*) filter (where r.pushback_outcome is not null))::int as pushed_back,
           (count(*) filter (where r.pushback_outcome = 'withdrawn'))::int as pb_withdrawn,
           (count(*) filter (where r.pushback_outcome = 'narrowed'))::int as pb_narrowed,
           (count(*) filter (where r.pushback_outcome = 'upheld'))::int as pb_upheld,
           (count(*) filter (where r.pushback_outcome = 'pending'))::int as pb_pending
    from legal_requests r
    where ${where(s)}
    group by 1, 2
    order by 1, 2`.execute(db);
  return result.rows;
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
