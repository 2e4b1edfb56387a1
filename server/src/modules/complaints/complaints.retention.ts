import { rm } from 'node:fs/promises';
import type { Database } from '@docket/db/database';
import type { RetentionReport } from '@docket/shared/complaints.schemas';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { addDuration } from '../../lib/deadlines';
import { blobPath } from '../attachments/attachments.storage';
import { recordAudit } from '../audit/audit.service';
import { CORRESPONDENCE_ENTITY } from './complaints.service';

const ERASED = '[erased under the retention rule]';
const RETENTION_LOCK = 4_243_118;

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
  config: { complaintRetentionMonths: number; dataDir: string };
}

function candidatesQuery(db: Kysely<Database>, cutoff: Date) {
  return db
    .selectFrom('complaints as c')
    .select(['c.id', 'c.reference', 'c.closed_at'])
    .select((eb) =>
      eb
        .selectFrom('attachments as a')
        .select(eb.fn.countAll<number>().as('n'))
        .where('a.erased_at', 'is', null)
        .where((w) =>
          w.or([
            w.and([w('a.entity_type', '=', 'complaint'), w.eb('a.entity_id', '=', w.ref('c.id'))]),
            w.and([
              w('a.entity_type', '=', CORRESPONDENCE_ENTITY),
              w(
                'a.entity_id',
                'in',
                w
                  .selectFrom('escalation_correspondence as k')
                  .innerJoin('escalations as e', 'e.id', 'k.escalation_id')
                  .select('k.id')
                  .whereRef('e.complaint_id', '=', 'c.id'),
              ),
            ]),
          ]),
        )
        .as('attachments'),
    )
    .where('c.status', '=', 'closed')
    .where('c.closed_at', '<', cutoff)
    .where('c.personal_data_erased_at', 'is', null)
    .orderBy('c.closed_at');
}

/**
 * Erases the complainant's personal data from closed complaints older than the retention period:
 * the encrypted fields, free text that may hold it, and attachment files. Status, dates, category,
 * outcome and escalations stay, so every count in the reports stays the same. With dryRun, only
 * lists what would go.
 */
export async function runRetention(ctx: Ctx, actor: Actor, options: { dryRun: boolean }): Promise<RetentionReport> {
  const now = ctx.clock.now();
  const cutoff = addDuration(now, { amount: -ctx.config.complaintRetentionMonths, unit: 'months' }, new Set());
  const candidates = (await candidatesQuery(ctx.db, cutoff).execute()).map((c) => ({
    id: c.id,
    reference: c.reference,
    closedAt: (c.closed_at as Date).toISOString(),
    attachments: Number(c.attachments ?? 0),
  }));
  if (options.dryRun || candidates.length === 0)
    return { dryRun: options.dryRun, cutoff: cutoff.toISOString(), candidates, erased: 0 };

  const filesToCheck = await ctx.db.transaction().execute(async (trx) => {
    // One runner at a time, however many servers run the schedule.
    const locked = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_xact_lock(${sql.lit(RETENTION_LOCK)}) as ok`.execute(trx);
    if (!locked.rows[0]?.ok) return null;
    const hashes = new Set<string>();
    for (const candidate of candidates) {
      const ids = [candidate.id];
      const escalationIds = (
        await trx.selectFrom('escalations').select('id').where('complaint_id', '=', candidate.id).execute()
      ).map((e) => e.id);
      const correspondenceIds = escalationIds.length
        ? (
            await trx
              .selectFrom('escalation_correspondence')
              .select('id')
              .where('escalation_id', 'in', escalationIds)
              .execute()
          ).map((c) => c.id)
        : [];
      await trx
        .updateTable('complaints')
        .set((eb) => ({
          complainant_name_enc: null,
          complainant_email_enc: null,
          complainant_phone_enc: null,
          complainant_address_enc: null,
          complainant_email_index: null,
          summary: ERASED,
          final_response_summary: sql`case when final_response_summary is null then null else ${ERASED} end`,
          personal_data_erased_at: now,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', candidate.id)
        .where('personal_data_erased_at', 'is', null)
        .execute();
      await trx
        .updateTable('complaint_contacts')
        .set({ summary: ERASED })
        .where('complaint_id', '=', candidate.id)
        .execute();
      if (escalationIds.length)
        await trx.updateTable('escalations').set({ sent_summary: ERASED }).where('id', 'in', escalationIds).execute();
      if (correspondenceIds.length) {
        await trx
          .updateTable('escalation_correspondence')
          .set({ summary: ERASED })
          .where('id', 'in', correspondenceIds)
          .execute();
      }
      const erasedFiles = await trx
        .updateTable('attachments')
        .set({ erased_at: now, filename: '[erased]' })
        .where('erased_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb.and([eb('entity_type', '=', 'complaint'), eb('entity_id', 'in', ids)]),
            ...(correspondenceIds.length
              ? [eb.and([eb('entity_type', '=', CORRESPONDENCE_ENTITY), eb('entity_id', 'in', correspondenceIds)])]
              : []),
          ]),
        )
        .returning('sha256')
        .execute();
      for (const f of erasedFiles) hashes.add(f.sha256);
      await recordAudit(trx, ctx.clock, actor, {
        action: 'complaint.personal_data_erased',
        entityType: 'complaint',
        entityId: candidate.id,
        changes: {
          rule: `closed more than ${ctx.config.complaintRetentionMonths} months ago`,
          attachments: erasedFiles.length,
        },
      });
    }
    return hashes;
  });
  if (filesToCheck === null) return { dryRun: false, cutoff: cutoff.toISOString(), candidates, erased: 0 };

  // Files go only after the erasure committed, and only when no live attachment shares the bytes.
  for (const sha256 of filesToCheck) {
    const live = await ctx.db
      .selectFrom('attachments')
      .select('id')
      .where('sha256', '=', sha256)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!live) await rm(blobPath(ctx.config.dataDir, sha256), { force: true });
  }
  return { dryRun: false, cutoff: cutoff.toISOString(), candidates, erased: candidates.length };
}
