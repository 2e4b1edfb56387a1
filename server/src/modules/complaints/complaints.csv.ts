import type { ComplaintSummary } from '@docket/shared/complaints.schemas';
import type { CsvColumn } from '../../lib/csv-export';

/** The columns of a complaint list exported to CSV: no complainant personal data, for any role. */
export const complaintCsvColumns: CsvColumn<ComplaintSummary>[] = [
  { header: 'reference', value: (r) => r.reference },
  { header: 'status', value: (r) => r.status },
  { header: 'channel', value: (r) => r.channel },
  { header: 'category', value: (r) => r.category },
  { header: 'regime', value: (r) => r.regime },
  { header: 'received_at', value: (r) => r.receivedAt },
  { header: 'next_deadline_at', value: (r) => r.nextDeadlineAt },
  { header: 'escalated', value: (r) => r.escalated },
];
