import { readFileSync } from 'node:fs';
import { createDb, type DbHandle } from '@docket/db/create-db';
import { migrateToLatest } from '@docket/db/migrate';
import postgres from 'postgres';

/**
 * Tests run on PGlite by default and on PostgreSQL when TEST_DATABASE_URL is set. Either way every
 * test file gets a database of its own, copied from a migrated template made once per run.
 */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;
export const PGLITE_TEMPLATE = process.env.DOCKET_PGLITE_TEMPLATE ?? '.tmp/pglite-template.tar';
export const PG_TEMPLATE_DB = 'docket_test_template';

export function databaseUrlFor(name: string): string {
  const url = new URL(testDatabaseUrl as string);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTemplate(): Promise<void> {
  if (testDatabaseUrl) {
    const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
    await admin.unsafe(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const handle = createDb({ kind: 'postgres', url: databaseUrlFor(PG_TEMPLATE_DB), poolSize: 1 });
    await migrateToLatest(handle.db);
    await handle.close();
    return;
  }
  const handle = createDb({ kind: 'pglite' });
  await migrateToLatest(handle.db);
  const dump = await handle.pglite?.dumpDataDir('none');
  if (!dump) throw new Error('PGlite dump failed');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(PGLITE_TEMPLATE), { recursive: true });
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
}

export async function dropTemplate(): Promise<void> {
  if (!testDatabaseUrl) return;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
  await admin.end();
}

export interface TestDatabase extends DbHandle {
  /** Connection string of this file's own PostgreSQL database (undefined on PGlite). */
  url: string | undefined;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseUrl) {
    const name = `docket_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${PG_TEMPLATE_DB}`);
    await admin.end();
    const url = databaseUrlFor(name);
    const handle = createDb({ kind: 'postgres', url, poolSize: 5 });
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close();
        const cleanup = postgres(testDatabaseUrl as string, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const handle = createDb({ kind: 'pglite', loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]) });
  return { ...handle, url: undefined };
}
