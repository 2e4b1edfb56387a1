import { z } from 'zod';

/** Bumped whenever what a report counts changes; published snapshots record the version they used. */
export const REPORT_RULES_VERSION = 'transparency-2026.1';

const isoDate = (label: string) => z.iso.date({ error: `${label} must be a date, such as 2026-01-01` });

export const reportQuerySchema = z
  .strictObject({
    /** First day of the period, inclusive. */
    periodStart: isoDate('periodStart'),
    /** Last day of the period, inclusive. */
    periodEnd: isoDate('periodEnd'),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'Use a two-letter country code' })
      .optional(),
    processType: z
      .enum(
        [
          'subpoena',
          'court_order',
          'search_warrant',
          'emergency',
          'preservation',
          'national_security',
          'mlat',
          'other',
        ],
        {
          error: 'Not a process type',
        },
      )
      .optional(),
    bandWidth: z.coerce
      .number()
      .refine((v) => v === 250 || v === 500 || v === 1000, { error: 'bandWidth must be 250, 500 or 1000' })
      .default(250),
    suppressBelow: z.coerce.number().int().min(0).max(100).default(5),
  })
  .superRefine((v, ctx) => {
    if (v.periodEnd < v.periodStart)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'The period ends before it starts' });
  });
export type ReportQuery = z.output<typeof reportQuerySchema>;

export const publishReportSchema = reportQuerySchema;

/** A count as published: an exact number, a band ("0–249") or a suppressed small count ("<5"). */
export type ReportCount = number | string;

export interface ReportRow {
  country: string;
  processType: string;
  requests: ReportCount;
  accountsSpecified: ReportCount;
  requestsWithDataProduced: ReportCount;
  percentWithDataProduced: number | null;
}

export interface TransparencyReport {
  periodStart: string;
  periodEnd: string;
  scope: { country: string | null; processType: string | null };
  rulesVersion: string;
  options: { bandWidth: number; suppressBelow: number };
  notes: string[];
  rows: ReportRow[];
  countryTotals: ReportRow[];
  totals: ReportRow;
  emergency: { requests: ReportCount; requestsWithDataProduced: ReportCount };
  preservation: { country: string; requests: ReportCount }[];
  nationalSecurity: { country: string; requests: string; accountsSpecified: string }[];
  pushback: {
    requests: ReportCount;
    withdrawn: ReportCount;
    narrowed: ReportCount;
    upheld: ReportCount;
    pending: ReportCount;
  };
  nondisclosure: { requestsWithOrder: ReportCount; percentOfRequests: number | null };
  complaints: {
    received: ReportCount;
    resolvedDirectly: ReportCount;
    escalated: ReportCount;
    escalatedByRegulator: { regulator: string; country: string; complaints: ReportCount }[];
    outcomes: { outcome: string; complaints: ReportCount }[];
    medianDaysToFirstContact: number | null;
    medianDaysToResolution: number | null;
  };
}

export interface PublishedReportView {
  id: string;
  periodStart: string;
  periodEnd: string;
  scope: string;
  rulesVersion: string;
  sha256: string;
  publishedBy: string | null;
  publishedByName: string | null;
  publishedAt: string;
  report: TransparencyReport;
}

export interface ReportWithComparison {
  report: TransparencyReport;
  published: PublishedReportView | null;
  /**
   * Where today's numbers differ from the published snapshot. Dotted paths; rows are named by what they
   * are about: `rows.US|subpoena.requests`, `countryTotals.US.requests`, `complaints.outcomes.upheld.complaints`.
   * A value absent on one side (a row that is new or gone) is undefined there.
   */
  differences: { path: string; published: unknown; live: unknown }[];
}
