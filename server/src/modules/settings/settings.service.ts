import type { Database } from '@docket/db/database';
import type { Role } from '@docket/shared/roles';
import type { SettingsView } from '@docket/shared/settings.schemas';
import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { versionConflict } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { getSettingsRow, updateSettingsRow } from './settings.queries';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

function toView(row: Awaited<ReturnType<typeof getSettingsRow>>): SettingsView {
  return {
    requireTwoFactorFor: row.require_two_factor_for as Role[],
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getSettings(ctx: Ctx): Promise<SettingsView> {
  return toView(await getSettingsRow(ctx.db));
}

export async function updateSettings(ctx: Ctx, actor: Actor, input: { version: number; requireTwoFactorFor: Role[] }) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getSettingsRow(trx);
    const sorted = [...input.requireTwoFactorFor].sort();
    const row = await updateSettingsRow(trx, input.version, sorted, ctx.clock.now());
    if (!row) throw versionConflict('The settings');
    await recordAudit(trx, ctx.clock, actor, {
      action: 'settings.updated',
      entityType: 'settings',
      entityId: 'global',
      changes: { requireTwoFactorFor: { from: before.require_two_factor_for, to: sorted } },
    });
    return toView(row);
  });
}
