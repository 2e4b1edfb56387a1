import type { ReportCount } from '@docket/shared/reports.schemas';
import { describeCount, formatCount, formatPercent } from '../format';

/** A count, with the reason spelled out when it is a band or a suppressed small count. */
export function Count({ value }: { value: ReportCount }) {
  const title = describeCount(value);
  return title ? <abbr title={title}>{formatCount(value)}</abbr> : formatCount(value);
}

/** A share; withheld when the counts behind it are suppressed, a dash when there is nothing to divide. */
export function Percent({ value, of }: { value: number | null; of?: ReportCount }) {
  if (value === null && of === 0) return '—';
  if (value === null)
    return <abbr title="Withheld: a count behind it is below the suppression threshold">{formatPercent(value)}</abbr>;
  return formatPercent(value);
}
