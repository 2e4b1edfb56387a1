import type { Database } from '@docket/db/database';
import type { Kysely, Transaction } from 'kysely';

/** A deadline rule as stored in `deadline_rules`: rules are data, not code. */
export interface DeadlineRule {
  code: string;
  label: string;
  amount: number;
  unit: 'hours' | 'days' | 'business_days' | 'months';
  calendar: string | null;
}

export interface DeadlineRules {
  rule(code: string): DeadlineRule;
  /** `start` moved forward by the rule's amount; business days skip weekends and the calendar's holidays. */
  add(code: string, start: Date): Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDuration(
  start: Date,
  rule: Pick<DeadlineRule, 'amount' | 'unit'>,
  holidays: ReadonlySet<string>,
): Date {
  switch (rule.unit) {
    case 'hours':
      return new Date(start.getTime() + rule.amount * 60 * 60 * 1000);
    case 'days':
      return new Date(start.getTime() + rule.amount * DAY_MS);
    case 'months': {
      // Same day of a later month, or that month's last day when it is shorter (31 Jan + 1 month = 28/29 Feb).
      const target = new Date(start);
      const day = start.getUTCDate();
      target.setUTCDate(1);
      target.setUTCMonth(target.getUTCMonth() + rule.amount);
      const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      target.setUTCDate(Math.min(day, lastDay));
      return target;
    }
    case 'business_days': {
      let current = new Date(start);
      let left = rule.amount;
      while (left > 0) {
        current = new Date(current.getTime() + DAY_MS);
        const weekday = current.getUTCDay();
        if (weekday !== 0 && weekday !== 6 && !holidays.has(isoDay(current))) left -= 1;
      }
      return current;
    }
  }
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Rules and holidays change only by migration (or an operator's SQL), never on a request's path, so
 * reads that only show clocks take them from a per-database copy at most this old. Writes that set a
 * deadline read them afresh in their own transaction (loadDeadlineRules).
 */
export const DEADLINE_RULES_CACHE_MS = 60_000;
const cached = new WeakMap<Kysely<Database>, { loadedAt: number; rules: Promise<DeadlineRules> }>();

/** The deadline rules for showing clocks: from the cache when it is fresh, else read once for all callers. */
export function cachedDeadlineRules(db: Kysely<Database>): Promise<DeadlineRules> {
  const entry = cached.get(db);
  if (entry && Date.now() - entry.loadedAt < DEADLINE_RULES_CACHE_MS) return entry.rules;
  const rules = loadDeadlineRules(db);
  cached.set(db, { loadedAt: Date.now(), rules });
  // A failed read is not kept: the next caller tries again.
  rules.catch(() => {
    if (cached.get(db)?.rules === rules) cached.delete(db);
  });
  return rules;
}

/** The deadline rules as they are now, read in the caller's transaction when there is one. */
export async function loadDeadlineRules(db: Db): Promise<DeadlineRules> {
  const [rules, holidays] = await Promise.all([
    db.selectFrom('deadline_rules').selectAll().execute(),
    db.selectFrom('holidays').select(['calendar', 'day']).execute(),
  ]);
  const byCode = new Map(rules.map((r) => [r.code, r as DeadlineRule]));
  const calendars = new Map<string, Set<string>>();
  for (const h of holidays) {
    const set = calendars.get(h.calendar) ?? new Set<string>();
    set.add(h.day);
    calendars.set(h.calendar, set);
  }
  const rule = (code: string) => {
    const found = byCode.get(code);
    if (!found) throw new Error(`No deadline rule ${code}`);
    return found;
  };
  return {
    rule,
    add: (code, start) => {
      const r = rule(code);
      return addDuration(start, r, calendars.get(r.calendar ?? '') ?? new Set());
    },
  };
}
