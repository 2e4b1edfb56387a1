import { z } from 'zod';

/** How a case list can be ordered. Every order pages by keyset on (its key, id): no OFFSET scans. */
export const listSorts = ['deadline', 'received_desc', 'received_asc', 'reference'] as const;
export const listSortSchema = z.enum(listSorts, {
  error: 'Sort by deadline, received_desc, received_asc or reference',
});
export type ListSort = z.infer<typeof listSortSchema>;

export const listSortLabels: Record<ListSort, string> = {
  deadline: 'Next deadline first',
  received_desc: 'Newest received first',
  received_asc: 'Oldest received first',
  reference: 'Reference',
};

const day = (label: string) => z.iso.date({ error: `${label} must be a date, such as 2026-03-01` });

/** Filters every case list shares: the received-date range (inclusive, UTC days) and the order. */
export const listCommonShape = {
  receivedFrom: day('Received from').optional(),
  receivedTo: day('Received to').optional(),
  sort: listSortSchema.default('deadline'),
};

export const receivedRangeIsOrdered = (q: { receivedFrom?: string | undefined; receivedTo?: string | undefined }) =>
  !q.receivedFrom || !q.receivedTo || q.receivedFrom <= q.receivedTo;
export const receivedRangeIssue = { error: 'Received from must not be after received to', path: ['receivedTo'] };
