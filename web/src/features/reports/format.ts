import { processTypeLabels, processTypeSchema } from '@docket/shared/legal-requests.schemas';
import type { ReportCount } from '@docket/shared/reports.schemas';

const integer = new Intl.NumberFormat('en-GB');
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** A count as published: exact numbers get separators; bands ("0–249") and "<5" are shown as they are. */
export function formatCount(count: ReportCount): string {
  return typeof count === 'number' ? integer.format(count) : count;
}

/** Suppressed counts ("<5") and bands ("0–249") get an explanation for a hover or a screen reader. */
export function describeCount(count: ReportCount): string | undefined {
  if (typeof count === 'number') return undefined;
  const below = /^<(\d+)$/.exec(count);
  if (below) return `Fewer than ${below[1]}: small counts are suppressed`;
  if (/^\d+–\d+$/.test(count)) return `Between ${count.replace('–', ' and ')}: reported only in bands`;
  if (count === 'suppressed') return 'Hidden too, so that a small count cannot be worked out from the total';
  return undefined;
}

export function formatPercent(value: number | null): string {
  return value === null ? 'withheld' : `${decimal.format(value)}%`;
}

export function formatDays(value: number | null): string {
  if (value === null) return '—';
  return `${decimal.format(value)} day${value === 1 ? '' : 's'}`;
}

/** The number a chart can plot: suppressed counts plot as 0 and keep their text as the bar's label. */
export function plottable(count: ReportCount): number {
  return typeof count === 'number' ? count : 0;
}

/** "United States (US)"; the code alone when the browser does not know it. */
export function countryName(code: string): string {
  if (code === 'all') return 'All countries';
  try {
    const name = regionNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export function processTypeName(type: string): string {
  if (type === 'all') return 'All process types';
  const parsed = processTypeSchema.safeParse(type);
  return parsed.success ? processTypeLabels[parsed.data] : type;
}

/** Complaint outcomes as the report names them (the complaint's `outcome` column). */
const complaintOutcomeNames: Record<string, string> = {
  upheld: 'Upheld',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
  withdrawn: 'Withdrawn by the complainant',
};

export function complaintOutcomeName(outcome: string): string {
  return complaintOutcomeNames[outcome] ?? outcome.replaceAll('_', ' ');
}

/** A published or live value in the differences list. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (value === null) return '—';
  if (typeof value === 'number') return integer.format(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
