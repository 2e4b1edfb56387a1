import { type ProcessType, processTypeLabels } from '@docket/shared/legal-requests.schemas';
import { can } from '@docket/shared/permissions';
import type { Role } from '@docket/shared/roles';
import type { SearchMatch, SearchQuery, SearchResponse, SearchResult } from '@docket/shared/search.schemas';
import type { AppDeps } from '../../lib/context';
import { personalDataCipher } from '../../lib/personal-data';
import { type SearchHit, searchComplaints, searchLegalRequests } from './search.queries';

const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);

function resultOf(hit: SearchHit): SearchResult {
  const title =
    hit.kind === 'legal_request'
      ? `${processTypeLabels[hit.title_kind as ProcessType] ?? hit.title_kind} · ${hit.title_name ?? ''}`
      : `Complaint · ${hit.title_name ?? hit.title_kind}`;
  return {
    kind: hit.kind,
    id: hit.id,
    reference: hit.reference,
    status: hit.status,
    title,
    receivedAt: hit.received_at.toISOString(),
    matchedOn: hit.matched as SearchMatch[],
    excerpt: hit.excerpt,
    rank: Math.round(Number(hit.rank) * 10_000) / 10_000,
  };
}

/**
 * One search over the cases the role may open: legal requests only for roles that read them; complaints
 * for every complaint reader, but by their text and the complainant's email only for roles that may see
 * personal data. Nobody finds a case they could not open.
 */
export async function search(deps: AppDeps, role: Role, query: SearchQuery): Promise<SearchResponse> {
  const searched: SearchResponse['searched'] = [];
  const searches: Promise<SearchHit[]>[] = [];
  if (query.kind !== 'complaint' && can(role, 'legal_requests.read')) {
    searched.push('legal_request');
    searches.push(searchLegalRequests(deps.db, query.q, query.limit));
  }
  if (query.kind !== 'legal_request' && can(role, 'complaints.read')) {
    searched.push('complaint');
    const personalData = can(role, 'complaints.personal_data');
    const emailIndex =
      personalData && looksLikeEmail(query.q) ? personalDataCipher(deps.config.secretKey).emailIndex(query.q) : null;
    searches.push(searchComplaints(deps.db, query.q, query.limit, { personalData, emailIndex }));
  }
  // The two kinds are independent: ask for both at once.
  const hits = (await Promise.all(searches)).flat();
  hits.sort((a, b) => Number(b.rank) - Number(a.rank) || b.received_at.getTime() - a.received_at.getTime());
  return {
    results: hits.slice(0, query.limit).map(resultOf),
    searched,
    sampled: hits.some((hit) => hit.sampled),
  };
}
