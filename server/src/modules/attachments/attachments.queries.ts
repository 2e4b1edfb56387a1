import type { Database } from '@docket/db/database';
import type { ExpressionBuilder, RawBuilder, Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';

/** An attachment row as a JSON array gives it: timestamps are ISO strings. */
export type AttachmentJson = Omit<Selectable<Database['attachments']>, 'created_at' | 'erased_at'> & {
  created_at: string;
  erased_at: string | null;
};

/**
 * The attachments of the outer query's row, as a JSON array in upload order, for a page read in one query.
 * `entityId` names the outer row's id column (`r.id`, `c.id`, …).
 */
export function attachmentsJson(
  // Any outer query: each page's query has its own tables in scope.
  // biome-ignore lint/suspicious/noExplicitAny: the subquery reads only the attachments table, typed by its result
  eb: ExpressionBuilder<any, any>,
  entityType: 'legal_request' | 'complaint' | 'escalation_correspondence',
  entityId: `${string}.id`,
): RawBuilder<AttachmentJson[]> {
  return jsonArrayFrom(
    (eb as ExpressionBuilder<Database, 'attachments'>)
      .selectFrom('attachments as f')
      .selectAll('f')
      .where('f.entity_type', '=', entityType)
      .whereRef('f.entity_id', '=', entityId as 'f.id')
      .orderBy('f.created_at')
      .orderBy('f.id'),
  ) as unknown as RawBuilder<AttachmentJson[]>;
}
