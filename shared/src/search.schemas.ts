import { z } from 'zod';

export const searchQuerySchema = z.strictObject({
  q: z
    .string({ error: 'Type something to search for' })
    .trim()
    .min(2, { error: 'Type at least 2 characters' })
    .max(200, { error: 'Keep the search under 200 characters' }),
  kind: z
    .enum(['all', 'legal_request', 'complaint'], { error: 'Search all, legal_request or complaint' })
    .default('all'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** Where the search text was found; exact matches (reference, identifier, email) rank first. */
export type SearchMatch = 'reference' | 'identifier' | 'email' | 'summary' | 'note' | 'pushback' | 'agency';

export interface SearchResult {
  kind: 'legal_request' | 'complaint';
  id: string;
  reference: string;
  status: string;
  /** What the case is: process type and agency, or complaint category. Never a complainant. */
  title: string;
  receivedAt: string;
  matchedOn: SearchMatch[];
  /** A short excerpt with the matched words between «», when the match was in text the viewer may read. */
  excerpt: string | null;
  rank: number;
}

export interface SearchResponse {
  results: SearchResult[];
  /** Which kinds of case the viewer's role could search. */
  searched: ('legal_request' | 'complaint')[];
  /**
   * The words are so common that only a sample of the cases containing them was ranked: the results
   * are good matches, not the best of every case. Add words, or search by reference or identifier.
   */
  sampled: boolean;
}
