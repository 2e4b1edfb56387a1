import type { Database, RegulatorRow } from '@docket/db/database';
import type { CategoryView, RegulatorView } from '@docket/shared/complaints.schemas';
import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

export function toRegulatorView(row: RegulatorRow): RegulatorView {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    country: row.country,
    website: row.website,
    kind: row.kind as RegulatorView['kind'],
    active: row.active,
    version: row.version,
  };
}

const duplicate = () =>
  new AppError('conflict', 'name: A regulator with this name already exists in this country', {
    issues: [{ path: 'name', message: 'A regulator with this name already exists in this country' }],
  });

async function nameTaken(db: Kysely<Database>, name: string, country: string, exceptId?: string) {
  let q = db
    .selectFrom('regulators')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .where('country', '=', country);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function listRegulators(ctx: Ctx): Promise<RegulatorView[]> {
  const rows = await ctx.db.selectFrom('regulators').selectAll().orderBy('country').orderBy('name').execute();
  return rows.map(toRegulatorView);
}

export async function createRegulator(
  ctx: Ctx,
  actor: Actor,
  input: {
    name: string;
    shortName?: string | null | undefined;
    country: string;
    website?: string | null | undefined;
    kind: string;
    active: boolean;
  },
) {
  return ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, input.name, input.country)) throw duplicate();
    const row = await trx
      .insertInto('regulators')
      .values({
        name: input.name,
        short_name: input.shortName ?? null,
        country: input.country,
        website: input.website ?? null,
        kind: input.kind,
        active: input.active,
        updated_at: ctx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.clock, actor, {
      action: 'regulator.created',
      entityType: 'regulator',
      entityId: row.id,
      changes: { country: row.country },
    });
    return toRegulatorView(row);
  });
}

export async function updateRegulator(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    shortName?: string | null | undefined;
    country?: string | undefined;
    website?: string | null | undefined;
    kind?: string | undefined;
    active?: boolean | undefined;
  },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('regulators').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Regulator');
    if (before.version !== input.version) throw versionConflict('This regulator');
    const name = input.name ?? before.name;
    const country = input.country ?? before.country;
    if ((name !== before.name || country !== before.country) && (await nameTaken(trx, name, country, id)))
      throw duplicate();
    const row = await trx
      .updateTable('regulators')
      .set((eb) => ({
        name,
        country,
        short_name: input.shortName === undefined ? before.short_name : input.shortName,
        website: input.website === undefined ? before.website : input.website,
        kind: input.kind ?? before.kind,
        active: input.active ?? before.active,
        updated_at: ctx.clock.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirstOrThrow();
    const fields = (['name', 'short_name', 'country', 'website', 'kind', 'active'] as const).filter(
      (f) => before[f] !== row[f],
    );
    await recordAudit(trx, ctx.clock, actor, {
      action: 'regulator.updated',
      entityType: 'regulator',
      entityId: id,
      changes: { fields },
    });
    return toRegulatorView(row);
  });
}

export async function listCategories(ctx: Ctx): Promise<CategoryView[]> {
  return ctx.db.selectFrom('complaint_categories').select(['code', 'label']).orderBy('label').execute();
}

export async function createCategory(
  ctx: Ctx,
  actor: Actor,
  input: { code: string; label: string },
): Promise<CategoryView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('complaint_categories')
      .values(input)
      .onConflict((oc) => oc.column('code').doNothing())
      .returning(['code', 'label'])
      .executeTakeFirst();
    if (!row) {
      throw new AppError('conflict', 'code: This category already exists', {
        issues: [{ path: 'code', message: 'This category already exists' }],
      });
    }
    await recordAudit(trx, ctx.clock, actor, {
      action: 'complaint_category.created',
      entityType: 'complaint_category',
      entityId: row.code,
    });
    return row;
  });
}
