import type { TransparencyReport } from '@docket/shared/reports.schemas';
import type { ReactNode } from 'react';
import { formatDays } from '../format';
import { Count, Percent } from './report-values';

function Card({ label, value, children }: { label: string; value: ReactNode; children?: ReactNode }) {
  return (
    <div className="report-card">
      <dt>{label}</dt>
      <dd className="report-card-value">{value}</dd>
      {children ? <dd className="report-card-note">{children}</dd> : null}
    </div>
  );
}

/** The headline figures of the period, each as published (bands, suppressed counts and withheld shares kept). */
export function SummaryCards({ report }: { report: TransparencyReport }) {
  const { totals, emergency, pushback, nondisclosure, complaints } = report;
  return (
    <dl className="report-cards">
      <Card label="Total requests" value={<Count value={totals.requests} />}>
        Preservation and national-security requests are reported apart
      </Card>
      <Card label="Accounts specified" value={<Count value={totals.accountsSpecified} />}>
        Identifiers named in those requests
      </Card>
      <Card label="Some data produced" value={<Percent value={totals.percentWithDataProduced} of={totals.requests} />}>
        <Count value={totals.requestsWithDataProduced} /> requests
      </Card>
      <Card label="Emergency requests" value={<Count value={emergency.requests} />}>
        <Count value={emergency.requestsWithDataProduced} /> with some data produced
      </Card>
      <Card label="Pushed back on" value={<Count value={pushback.requests} />}>
        Withdrawn <Count value={pushback.withdrawn} /> · narrowed <Count value={pushback.narrowed} /> · upheld{' '}
        <Count value={pushback.upheld} /> · pending <Count value={pushback.pending} />
      </Card>
      <Card
        label="Under a nondisclosure order"
        value={<Percent value={nondisclosure.percentOfRequests} of={totals.requests} />}
      >
        <Count value={nondisclosure.requestsWithOrder} /> requests
      </Card>
      <Card label="Complaints received" value={<Count value={complaints.received} />}>
        Resolved directly <Count value={complaints.resolvedDirectly} /> · escalated{' '}
        <Count value={complaints.escalated} />
      </Card>
      <Card label="Median days to first contact" value={formatDays(complaints.medianDaysToFirstContact)}>
        To resolution: {formatDays(complaints.medianDaysToResolution)}
      </Card>
    </dl>
  );
}
