import type { Database } from '@docket/db/database';
import { type Kysely, sql } from 'kysely';
import { startsWith } from '../../lib/prefix';

export interface SearchHit {
  kind: 'legal_request' | 'complaint';
  id: string;
  reference: string;
  status: string;
  title_kind: string;
  title_name: string | null;
  received_at: Date;
  matched: string[];
  rank: number;
  excerpt: string | null;
  /** A text branch stopped at TEXT_CANDIDATES: the words are common and only a sample was ranked. */
  sampled: boolean;
}

/**
 * Ranks: an exact reference, identifier or email is what the person meant (100/90); a reference
 * prefix next (50); then full-text matches by ts_rank (summary above notes above pushbacks), and last
 * the latest requests of an agency whose name matches. Each branch uses its own index.
 */
const HEADLINE = 'StartSel=«, StopSel=», MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';

/**
 * A word common to half the cases would otherwise be ranked across all of them: each text branch ranks
 * at most this many matches (a search for a common word is refined, not scrolled), and says so. On
 * PostgreSQL the GIN index also hands over only a sample of a very common word's rows (create-db.ts).
 */
export const TEXT_CANDIDATES = 200;

/** Only a reference with its year and some digits is looked up by prefix ("LR-2026-004"): "LR" alone is every case. */
const referencePrefix = (upper: string) => /^(LR|CP)-\d{4}-\d{2,}$/.test(upper);

export async function searchLegalRequests(db: Kysely<Database>, text: string, limit: number): Promise<SearchHit[]> {
  const upper = text.toUpperCase();
  const result = await sql<SearchHit>`
    with q as (select websearch_to_tsquery('english', ${text}) as en, websearch_to_tsquery('simple', ${text}) as si),
    hits as (
      select r.id, 'reference' as matched, 100.0::float8 as rank from legal_requests r where r.reference = ${upper}
      union all
      (select r.id, 'reference', 50.0 from legal_requests r
        where ${referencePrefix(upper)} and ${startsWith('r.reference', upper)} order by r.reference using ~<~ limit 50)
      union all
      select i.request_id, 'identifier', 90.0 from legal_request_identifiers i where i.value in (${text}, ${text.toLowerCase()})
      union all
      (select r.id, 'summary', ts_rank(r.search_vector, q.en)::float8 from legal_requests r, q
        where r.search_vector @@ q.en limit ${TEXT_CANDIDATES})
      union all
      (select n.request_id, 'note', 0.8 * ts_rank(n.search_vector, q.en) from legal_request_notes n, q
        where n.search_vector @@ q.en limit ${TEXT_CANDIDATES})
      union all
      (select p.request_id, 'pushback', 0.6 * ts_rank(p.search_vector, q.en) from pushbacks p, q
        where p.search_vector @@ q.en limit ${TEXT_CANDIDATES})
      union all
      select latest.id, 'agency', 0.001 from agencies a cross join q
        cross join lateral (
          select r.id from legal_requests r where r.agency_id = a.id order by r.received_at desc limit 100
        ) latest
        where to_tsvector('simple', a.name) @@ q.si
    ),
    ranked as (
      select id, array_agg(distinct matched order by matched) as matched, max(rank) + 0.1 * (count(distinct matched) - 1) as rank
      from hits group by id
      order by rank desc, id
      limit ${limit}
    ),
    sampled as (
      select coalesce(bool_or(n >= ${TEXT_CANDIDATES}), false) as sampled
      from (select count(*) as n from hits where matched in ('summary', 'note', 'pushback') group by matched) per_branch
    )
    select 'legal_request' as kind, r.id, r.reference, r.status, r.process_type as title_kind, a.name as title_name,
           r.received_at, ranked.matched, ranked.rank,
           case when 'summary' = any(ranked.matched) then ts_headline('english', r.summary, q.en, ${HEADLINE}) end as excerpt,
           sampled.sampled
    from ranked
    join legal_requests r on r.id = ranked.id
    join agencies a on a.id = r.agency_id
    cross join q
    cross join sampled
    order by ranked.rank desc, r.received_at desc, r.id`.execute(db);
  return result.rows;
}

/**
 * Complaints: the reference for every role that may read complaints; the summary (it may name the
 * complainant) and the email look-up (a keyed hash, never the address) only when personalData is set.
 */
export async function searchComplaints(
  db: Kysely<Database>,
  text: string,
  limit: number,
  opts: { personalData: boolean; emailIndex: string | null },
): Promise<SearchHit[]> {
  const upper = text.toUpperCase();
  const personal = opts.personalData;
  const result = await sql<SearchHit>`
    with q as (select websearch_to_tsquery('english', ${text}) as en),
    hits as (
      select c.id, 'reference' as matched, 100.0::float8 as rank from complaints c where c.reference = ${upper}
      union all
      (select c.id, 'reference', 50.0 from complaints c
        where ${referencePrefix(upper)} and ${startsWith('c.reference', upper)} order by c.reference using ~<~ limit 50)
      union all
      select c.id, 'email', 90.0 from complaints c
        where ${personal} and ${opts.emailIndex}::text is not null and c.complainant_email_index = ${opts.emailIndex}
      union all
      (select c.id, 'summary', ts_rank(c.search_vector, q.en)::float8 from complaints c, q
        where ${personal} and c.search_vector @@ q.en limit ${TEXT_CANDIDATES})
    ),
    ranked as (
      select id, array_agg(distinct matched order by matched) as matched, max(rank) + 0.1 * (count(distinct matched) - 1) as rank
      from hits group by id
      order by rank desc, id
      limit ${limit}
    ),
    sampled as (select count(*) >= ${TEXT_CANDIDATES} as sampled from hits where matched = 'summary')
    select 'complaint' as kind, c.id, c.reference, c.status, c.category as title_kind, cat.label as title_name,
           c.received_at, ranked.matched, ranked.rank,
           case when ${personal} and 'summary' = any(ranked.matched)
                then ts_headline('english', c.summary, q.en, ${HEADLINE}) end as excerpt,
           sampled.sampled
    from ranked
    join complaints c on c.id = ranked.id
    left join complaint_categories cat on cat.code = c.category
    cross join q
    cross join sampled
    order by ranked.rank desc, c.received_at desc, c.id`.execute(db);
  return result.rows;
}
