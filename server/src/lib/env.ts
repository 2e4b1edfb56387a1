import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Everything Docket reads from its environment. No other file reads process.env. */
export interface Config {
  port: number;
  host: string;
  /** The origin people reach Docket at; state-changing requests must come from it. */
  publicOrigin: string;
  /** Origins accepted besides publicOrigin (the Vite dev server). */
  extraOrigins: string[];
  databaseUrl: string | undefined;
  dataDir: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  secureCookies: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /** 32-byte key for data encrypted at rest. */
  secretKey: Buffer;
  seedDemo: boolean;
  /** Closed complaints older than this lose their complainant's personal data. */
  complaintRetentionMonths: number;
  /** SMTP server for reminder emails (smtp:// or smtps://, credentials in the URL); unset: reminders stay in the app. */
  smtpUrl?: string | undefined;
  /** The From address of Docket's emails. */
  mailFrom?: string;
  /** Seconds between two runs of the reminder scheduler. */
  reminderIntervalSeconds?: number;
  /** How much memory a server may keep case pages in (page-cache.ts), in MiB; 0 keeps none. */
  pageCacheMb: number;
  logLevel: string;
  webDistDir: string;
}

export const REMINDER_INTERVAL_DEFAULT_SECONDS = 60;

/** Docket's own address at the host people reach it on, when DOCKET_MAIL_FROM is unset. */
export const defaultMailFrom = (publicOrigin: string) => `Docket <docket@${new URL(publicOrigin).hostname}>`;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  APP_ORIGIN: z.url({ error: 'must be a URL such as https://docket.example.com' }).optional(),
  DEV_ORIGINS: z.string().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DOCKET_DATA_DIR: z.string().min(1).default('data'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TRUST_PROXY: flag.default(false),
  DOCKET_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, { error: 'must be 32 bytes, base64-encoded' })
    .optional(),
  DOCKET_DEMO: flag.default(true),
  COMPLAINT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  DOCKET_SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: 'must be a URL such as smtp://user:password@mail.example.com:587 or smtps://…',
    })
    .optional(),
  DOCKET_MAIL_FROM: z
    .string()
    .trim()
    .max(200)
    .regex(/^[^\r\n]*[^\s@<>]+@[^\s@<>]+>?$/, { error: 'must be an address such as "Docket <docket@example.com>"' })
    .optional(),
  DOCKET_REMINDER_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60 * 60)
    .default(REMINDER_INTERVAL_DEFAULT_SECONDS),
  DOCKET_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(repoRoot, e.DOCKET_DATA_DIR);
  const publicOrigin = new URL(e.APP_ORIGIN ?? `http://localhost:${e.PORT}`).origin;
  return {
    port: e.PORT,
    host: e.HOST,
    publicOrigin,
    extraOrigins: (e.DEV_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => new URL(o).origin),
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    secureCookies: publicOrigin.startsWith('https:'),
    trustProxy: e.TRUST_PROXY,
    secretKey: e.DOCKET_SECRET_KEY ? Buffer.from(e.DOCKET_SECRET_KEY, 'base64') : keyFromDataDir(dataDir),
    seedDemo: e.DOCKET_DEMO,
    complaintRetentionMonths: e.COMPLAINT_RETENTION_MONTHS,
    smtpUrl: e.DOCKET_SMTP_URL,
    mailFrom: e.DOCKET_MAIL_FROM ?? defaultMailFrom(publicOrigin),
    reminderIntervalSeconds: e.DOCKET_REMINDER_INTERVAL_SECONDS,
    pageCacheMb: e.DOCKET_PAGE_CACHE_MB,
    logLevel: e.LOG_LEVEL,
    webDistDir: join(repoRoot, 'web', 'dist'),
  };
}

/**
 * Zero set-up: without DOCKET_SECRET_KEY the key lives in the data folder, created on first start.
 * Production should set DOCKET_SECRET_KEY and keep it apart from database backups.
 */
function keyFromDataDir(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
