/**
 * Half-years are the default reporting period. Reports count by the UTC date a request was received,
 * so "today" and every period boundary here are UTC calendar dates (YYYY-MM-DD).
 */

export interface HalfYear {
  /** "2026-H1" */
  key: string;
  year: number;
  half: 1 | 2;
  start: string;
  end: string;
}

const halfYearKey = /^(\d{4})-H([12])$/;

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function halfYear(year: number, half: 1 | 2): HalfYear {
  return {
    key: `${year}-H${half}`,
    year,
    half,
    start: half === 1 ? `${year}-01-01` : `${year}-07-01`,
    end: half === 1 ? `${year}-06-30` : `${year}-12-31`,
  };
}

export function parseHalfYearKey(key: string | null): HalfYear | null {
  const match = halfYearKey.exec(key ?? '');
  if (!match) return null;
  return halfYear(Number(match[1]), match[2] === '1' ? 1 : 2);
}

/** The half-year a date falls in. */
export function halfYearOf(date: string): HalfYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return halfYear(year, month <= 6 ? 1 : 2);
}

export function previousHalfYear(h: HalfYear): HalfYear {
  return h.half === 2 ? halfYear(h.year, 1) : halfYear(h.year - 1, 2);
}

/** The latest half-year that has ended before today. */
export function lastCompleteHalfYear(today: string): HalfYear {
  return previousHalfYear(halfYearOf(today));
}

/** The current half-year (still running) and those before it, newest first. */
export function recentHalfYears(today: string, count: number): HalfYear[] {
  const out: HalfYear[] = [halfYearOf(today)];
  while (out.length < count) {
    const last = out[out.length - 1];
    if (!last) break;
    out.push(previousHalfYear(last));
  }
  return out;
}

/** `count` half-years ending with the one that holds `date`, oldest first. */
export function halfYearsEndingAt(date: string, count: number): HalfYear[] {
  return recentHalfYears(date, count).reverse();
}

/** The half-year exactly matching a period, if it is one. */
export function halfYearMatching(start: string, end: string): HalfYear | null {
  const h = halfYearOf(start);
  return h.start === start && h.end === end ? h : null;
}

export function isRunning(h: HalfYear, today: string): boolean {
  return h.start <= today && today <= h.end;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** "2026 H1 (1 Jan – 30 Jun)", with "so far" while it is still running. */
export function halfYearLabel(h: HalfYear, today: string): string {
  const range = `${dayMonth.format(utc(h.start))} – ${dayMonth.format(utc(h.end))}`;
  return `${h.year} H${h.half} (${range}${isRunning(h, today) ? ', so far' : ''})`;
}

/** "2026 H1", for chart axes. */
export function halfYearShortLabel(h: HalfYear): string {
  return `${h.year} H${h.half}`;
}

/** "1 Jan 2026 – 30 Jun 2026" */
export function periodLabel(start: string, end: string): string {
  const a = utc(start);
  const b = utc(end);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${start} – ${end}`;
  return `${dayMonthYear.format(a)} – ${dayMonthYear.format(b)}`;
}
