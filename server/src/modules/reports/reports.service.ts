import type { Database } from '@docket/db/database';
import {
  type PublishedReportView,
  REPORT_RULES_VERSION,
  type ReportCount,
  type ReportQuery,
  type ReportRow,
  type ReportWithComparison,
  type TransparencyReport,
} from '@docket/shared/reports.schemas';
import canonicalize from 'canonicalize';
import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { sha256Hex } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { complaintFigures, noRequests, type RequestCounts, requestGroups } from './reports.queries';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

export const REPORT_NOTES = [
  'A legal request belongs to the period in which it was received (its "received at" date, UTC).',
  'A request counts as "some data produced" when its disposition is produced or partial.',
  'Accounts specified counts every identifier the request named (accounts, emails, phone numbers, …), as received.',
  'Emergency requests are reported as their own type, whatever process accompanied them.',
  'Preservation requests are reported apart and are never included in the totals.',
  'National-security requests are reported only in bands, never as exact counts, and are not included in the totals.',
  'Counts above zero and below the suppression threshold are shown as "<N"; their percentages are withheld.',
  'Where one hidden count could be worked out from a total, a second count in the same total is hidden too ("suppressed").',
  'Complaints belong to the period in which they were received; country and process-type filters do not apply to them.',
  'Pushback counts requests with at least one pushback, by how their latest pushback ended.',
];

const dayAfter = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() + 24 * 60 * 60 * 1000);

export function band(n: number, width: number): string {
  const low = Math.floor(n / width) * width;
  return `${low}–${low + width - 1}`;
}

export const COMPLEMENT = 'suppressed';
type Measure = 'requests' | 'accounts' | 'produced';

/**
 * Complementary suppression. When a group of cells adds up to a published total and exactly one
 * cell in it is hidden as a small count, that cell could be worked out by subtraction: hide the
 * smallest other non-zero cell as well. Returns the keys ("index:measure") to hide that way.
 */
export function complementaryCells(
  groups: number[][],
  cells: { requests: number; accounts: number; produced: number }[],
  threshold: number,
): Set<string> {
  const extra = new Set<string>();
  const small = (n: number) => n > 0 && n < threshold;
  for (const members of groups) {
    for (const measure of ['requests', 'accounts', 'produced'] as Measure[]) {
      const hidden = members.filter((i) => small(cells[i]?.[measure] ?? 0) || extra.has(`${i}:${measure}`));
      if (hidden.length !== 1) continue;
      const partner = members
        .filter((i) => !hidden.includes(i) && (cells[i]?.[measure] ?? 0) > 0)
        .sort((a, b) => (cells[a]?.[measure] ?? 0) - (cells[b]?.[measure] ?? 0))[0];
      if (partner !== undefined) extra.add(`${partner}:${measure}`);
    }
  }
  return extra;
}

export function scopeKey(q: ReportQuery): string {
  return `${q.country ?? '*'}|${q.processType ?? '*'}|band${q.bandWidth}|suppress${q.suppressBelow}`;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function buildReport(ctx: Ctx, q: ReportQuery): Promise<TransparencyReport> {
  const start = new Date(`${q.periodStart}T00:00:00Z`);
  const end = dayAfter(q.periodEnd);
  const scope = { start, end, country: q.country, processType: q.processType };
  const [groups, complaints] = await Promise.all([requestGroups(ctx.db, scope), complaintFigures(ctx.db, start, end)]);
  const t = q.suppressBelow;
  const sup = (n: number): ReportCount => (n > 0 && n < t ? `<${t}` : n);
  const pct = (part: number, whole: number) =>
    whole === 0 || (whole > 0 && whole < t) || (part > 0 && part < t) ? null : round1((100 * part) / whole);
  const row = (
    country: string,
    processType: string,
    g: { requests: number; accounts: number; produced: number },
  ): ReportRow => ({
    country,
    processType,
    requests: sup(g.requests),
    accountsSpecified: sup(g.accounts),
    requestsWithDataProduced: sup(g.produced),
    percentWithDataProduced: pct(g.produced, g.requests),
  });

  const counted = groups.filter((g) => g.type !== 'preservation' && g.type !== 'national_security');
  // Cells that add up to a published total: each country's rows (country totals) and the emergency
  // rows across countries (the emergency summary).
  const members = (keep: (g: (typeof counted)[number]) => boolean) => counted.flatMap((g, i) => (keep(g) ? [i] : []));
  const complement =
    t > 0
      ? complementaryCells(
          [...new Set(counted.map((g) => g.country))]
            .map((country) => members((g) => g.country === country))
            .concat([members((g) => g.type === 'emergency')]),
          counted,
          t,
        )
      : new Set<string>();
  const add = (into: RequestCounts, g: RequestCounts) => {
    for (const key of Object.keys(into) as (keyof RequestCounts)[]) into[key] += g[key];
    return into;
  };
  // Every request is in exactly one group, so these sums count each request once.
  const byCountry = new Map<string, RequestCounts>();
  for (const g of counted) byCountry.set(g.country, add(byCountry.get(g.country) ?? noRequests(), g));
  const all = [...byCountry.values()].reduce((a, b) => add(a, b), noRequests());
  const emergency = counted.filter((g) => g.type === 'emergency');
  const emergencyTotal = emergency.reduce(
    (a, g) => ({ requests: a.requests + g.requests, produced: a.produced + g.produced }),
    { requests: 0, produced: 0 },
  );
  const c = complaints.totals;

  return {
    periodStart: q.periodStart,
    periodEnd: q.periodEnd,
    scope: { country: q.country ?? null, processType: q.processType ?? null },
    rulesVersion: REPORT_RULES_VERSION,
    options: { bandWidth: q.bandWidth, suppressBelow: q.suppressBelow },
    notes: REPORT_NOTES,
    rows: counted.map((g, i) => {
      const r = row(g.country, g.type, g);
      if (complement.has(`${i}:requests`)) r.requests = COMPLEMENT;
      if (complement.has(`${i}:accounts`)) r.accountsSpecified = COMPLEMENT;
      if (complement.has(`${i}:produced`)) r.requestsWithDataProduced = COMPLEMENT;
      if (complement.has(`${i}:requests`) || complement.has(`${i}:produced`)) r.percentWithDataProduced = null;
      return r;
    }),
    countryTotals: [...byCountry.entries()].map(([country, g]) => row(country, 'all', g)),
    totals: row('all', 'all', all),
    emergency: { requests: sup(emergencyTotal.requests), requestsWithDataProduced: sup(emergencyTotal.produced) },
    preservation: groups
      .filter((g) => g.type === 'preservation')
      .map((g) => ({ country: g.country, requests: sup(g.requests) })),
    nationalSecurity: groups
      .filter((g) => g.type === 'national_security')
      .map((g) => ({
        country: g.country,
        requests: band(g.requests, q.bandWidth),
        accountsSpecified: band(g.accounts, q.bandWidth),
      })),
    pushback: {
      requests: sup(all.pushed_back),
      withdrawn: sup(all.pb_withdrawn),
      narrowed: sup(all.pb_narrowed),
      upheld: sup(all.pb_upheld),
      pending: sup(all.pb_pending),
    },
    nondisclosure: { requestsWithOrder: sup(all.with_order), percentOfRequests: pct(all.with_order, all.requests) },
    complaints: {
      received: sup(c?.received ?? 0),
      resolvedDirectly: sup(c?.resolved_directly ?? 0),
      escalated: sup(c?.escalated ?? 0),
      escalatedByRegulator: complaints.byRegulator.map((r) => ({
        regulator: r.regulator,
        country: r.country,
        complaints: sup(r.complaints),
      })),
      outcomes: complaints.outcomes.map((o) => ({ outcome: o.outcome, complaints: sup(o.complaints) })),
      medianDaysToFirstContact:
        c?.median_first_contact === null || c?.median_first_contact === undefined
          ? null
          : round1(Number(c.median_first_contact)),
      medianDaysToResolution:
        c?.median_resolution === null || c?.median_resolution === undefined
          ? null
          : round1(Number(c.median_resolution)),
    },
  };
}

export const CSV_COLUMNS = [
  'period_start',
  'period_end',
  'country',
  'process_type',
  'requests',
  'accounts_specified',
  'requests_with_data_produced',
  'percent_with_data_produced',
] as const;

/** One row per period × country × process type, in the published (banded, suppressed) form. */
export function csvRows(report: TransparencyReport): (string | number)[][] {
  const base = (country: string, type: string) => [report.periodStart, report.periodEnd, country, type];
  return [
    ...report.rows.map((r) => [
      ...base(r.country, r.processType),
      r.requests,
      r.accountsSpecified,
      r.requestsWithDataProduced,
      r.percentWithDataProduced ?? '',
    ]),
    ...report.preservation.map((p) => [...base(p.country, 'preservation'), p.requests, '', '', '']),
    ...report.nationalSecurity.map((n) => [
      ...base(n.country, 'national_security'),
      n.requests,
      n.accountsSpecified,
      '',
      '',
    ]),
  ].sort((a, b) => `${a[2]}|${a[3]}`.localeCompare(`${b[2]}|${b[3]}`));
}

type Difference = { path: string; published: unknown; live: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Lists become maps keyed by what a row is about, so a new row does not shift every row after it. */
function keyed(report: TransparencyReport): Record<string, unknown> {
  const by = <T>(list: T[], key: (item: T) => string) => Object.fromEntries(list.map((item) => [key(item), item]));
  return {
    ...report,
    rows: by(report.rows, (r) => `${r.country}|${r.processType}`),
    countryTotals: by(report.countryTotals, (r) => r.country),
    preservation: by(report.preservation, (r) => r.country),
    nationalSecurity: by(report.nationalSecurity, (r) => r.country),
    complaints: {
      ...report.complaints,
      escalatedByRegulator: by(report.complaints.escalatedByRegulator, (r) => `${r.regulator}|${r.country}`),
      outcomes: by(report.complaints.outcomes, (o) => o.outcome),
    },
  };
}

function diff(published: unknown, live: unknown, path = ''): Difference[] {
  if (!isObject(published) && !isObject(live)) return published === live ? [] : [{ path, published, live }];
  const a = isObject(published) ? published : {};
  const b = isObject(live) ? live : {};
  const out: Difference[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (path === '' && (key === 'notes' || key === 'rulesVersion')) continue;
    out.push(...diff(a[key], b[key], path ? `${path}.${key}` : key));
  }
  return out;
}

function toPublishedView(row: {
  id: string;
  period_start: string;
  period_end: string;
  scope: string;
  rules_version: string;
  content: Record<string, unknown>;
  sha256: string;
  published_by: string | null;
  published_by_name: string | null;
  published_at: Date;
}): PublishedReportView {
  return {
    id: row.id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    scope: row.scope,
    rulesVersion: row.rules_version,
    sha256: row.sha256,
    publishedBy: row.published_by,
    publishedByName: row.published_by_name,
    publishedAt: row.published_at.toISOString(),
    report: row.content as unknown as TransparencyReport,
  };
}

function publishedQuery(db: Kysely<Database>) {
  return db
    .selectFrom('published_reports as p')
    .leftJoin('users as u', 'u.id', 'p.published_by')
    .selectAll('p')
    .select('u.name as published_by_name');
}

export async function reportWithComparison(ctx: Ctx, q: ReportQuery): Promise<ReportWithComparison> {
  const report = await buildReport(ctx, q);
  const row = await publishedQuery(ctx.db)
    .where('p.period_start', '=', q.periodStart)
    .where('p.period_end', '=', q.periodEnd)
    .where('p.scope', '=', scopeKey(q))
    .executeTakeFirst();
  const published = row ? toPublishedView(row) : null;
  return { report, published, differences: published ? diff(keyed(published.report), keyed(report)) : [] };
}

export async function publishReport(ctx: Ctx, actor: Actor, q: ReportQuery): Promise<PublishedReportView> {
  const report = await buildReport(ctx, q);
  const sha256 = sha256Hex(canonicalize(report) ?? '');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('published_reports')
      .values({
        period_start: q.periodStart,
        period_end: q.periodEnd,
        scope: scopeKey(q),
        rules_version: REPORT_RULES_VERSION,
        content: report as unknown as Record<string, unknown>,
        sha256,
        published_by: actor.userId,
        published_at: ctx.clock.now(),
      })
      .onConflict((oc) => oc.columns(['period_start', 'period_end', 'scope']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted)
      throw new AppError(
        'conflict',
        'A report for this period and scope is already published; published reports never change',
      );
    await recordAudit(trx, ctx.clock, actor, {
      action: 'report.published',
      entityType: 'published_report',
      entityId: inserted.id,
      changes: {
        periodStart: q.periodStart,
        periodEnd: q.periodEnd,
        scope: scopeKey(q),
        sha256,
        rulesVersion: REPORT_RULES_VERSION,
      },
    });
    return inserted.id;
  });
  return getPublished(ctx, id);
}

export async function getPublished(ctx: Ctx, id: string): Promise<PublishedReportView> {
  const row = await publishedQuery(ctx.db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Published report');
  return toPublishedView(row);
}

export async function listPublished(ctx: Ctx): Promise<Omit<PublishedReportView, 'report'>[]> {
  const rows = await publishedQuery(ctx.db)
    .orderBy('p.period_start', 'desc')
    .orderBy('p.published_at', 'desc')
    .execute();
  return rows.map((r) => {
    const { report: _report, ...rest } = toPublishedView(r);
    return rest;
  });
}
