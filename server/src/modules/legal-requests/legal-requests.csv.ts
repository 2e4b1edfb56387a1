import type { LegalRequestSummary } from '@docket/shared/legal-requests.schemas';
import type { CsvColumn } from '../../lib/csv-export';

/** The columns of a legal-request list exported to CSV: what the queue shows, nothing more. */
export const queueCsvColumns: CsvColumn<LegalRequestSummary>[] = [
  { header: 'reference', value: (r) => r.reference },
  { header: 'status', value: (r) => r.status },
  { header: 'process_type', value: (r) => r.processType },
  { header: 'agency', value: (r) => r.agencyName },
  { header: 'country', value: (r) => r.country },
  { header: 'received_at', value: (r) => r.receivedAt },
  { header: 'due_at', value: (r) => r.dueAt },
  { header: 'next_deadline_at', value: (r) => r.nextDeadlineAt },
  { header: 'emergency', value: (r) => r.emergency },
  { header: 'assignee', value: (r) => r.assigneeName },
  { header: 'identifiers', value: (r) => r.identifierCount },
  { header: 'ladder_exceeded', value: (r) => r.ladderExceeded },
];
