import type { AgencyRow, Database } from '@docket/db/database';
import type { AgencyView, CreateAgencyInput, UpdateAgencyInput } from '@docket/shared/legal-requests.schemas';
import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { agencyNameTaken, findAgency, insertAgency, listAgencies, updateAgencyAtVersion } from './agencies.queries';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

export function toAgencyView(row: AgencyRow): AgencyView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as AgencyView['kind'],
    country: row.country,
    contact: row.contact,
    verificationMethod: row.verification_method as AgencyView['verificationMethod'],
    verifiedAt: row.verified_at?.toISOString() ?? null,
    verifiedBy: row.verified_by,
    version: row.version,
  };
}

const duplicate = () =>
  new AppError('conflict', 'name: An agency with this name already exists in this country', {
    issues: [{ path: 'name', message: 'An agency with this name already exists in this country' }],
  });

export async function listAgencyViews(ctx: Ctx, search?: string) {
  return (await listAgencies(ctx.db, search)).map(toAgencyView);
}

export async function getAgency(ctx: Ctx, id: string) {
  const row = await findAgency(ctx.db, id);
  if (!row) throw notFound('Agency');
  return toAgencyView(row);
}

type CreateAgency = Omit<CreateAgencyInput, 'contact'> & { contact: string };

export async function createAgency(ctx: Ctx, actor: Actor, input: CreateAgency): Promise<AgencyView> {
  return ctx.db.transaction().execute(async (trx) => {
    if (await agencyNameTaken(trx, input.name, input.country)) throw duplicate();
    const verified = input.verificationMethod ? (input.verifiedAt ?? ctx.clock.now().toISOString()) : null;
    const row = await insertAgency(trx, {
      name: input.name,
      kind: input.kind,
      country: input.country,
      contact: input.contact,
      verification_method: input.verificationMethod ?? null,
      verified_at: verified,
      verified_by: verified ? actor.userId : null,
      updated_at: ctx.clock.now(),
    });
    await recordAudit(trx, ctx.clock, actor, {
      action: 'agency.created',
      entityType: 'agency',
      entityId: row.id,
      changes: { kind: row.kind, country: row.country, verificationMethod: row.verification_method },
    });
    return toAgencyView(row);
  });
}

export async function updateAgency(ctx: Ctx, actor: Actor, id: string, input: UpdateAgencyInput): Promise<AgencyView> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findAgency(trx, id);
    if (!before) throw notFound('Agency');
    if (before.version !== input.version) throw versionConflict('This agency');
    const name = input.name ?? before.name;
    const country = input.country ?? before.country;
    if ((name !== before.name || country !== before.country) && (await agencyNameTaken(trx, name, country, id)))
      throw duplicate();
    const reverified =
      input.verificationMethod !== undefined && input.verificationMethod !== before.verification_method;
    const row = await updateAgencyAtVersion(trx, id, input.version, {
      name,
      country,
      kind: input.kind ?? before.kind,
      contact: input.contact ?? before.contact,
      ...(reverified
        ? {
            verification_method: input.verificationMethod ?? null,
            verified_at: input.verificationMethod ? (input.verifiedAt ?? ctx.clock.now().toISOString()) : null,
            verified_by: input.verificationMethod ? actor.userId : null,
          }
        : {}),
      updated_at: ctx.clock.now(),
    });
    if (!row) throw versionConflict('This agency');
    const changed = (['name', 'kind', 'country', 'contact', 'verification_method'] as const).filter(
      (f) => before[f] !== row[f],
    );
    await recordAudit(trx, ctx.clock, actor, {
      action: 'agency.updated',
      entityType: 'agency',
      entityId: id,
      changes: { fields: changed },
    });
    return toAgencyView(row);
  });
}
