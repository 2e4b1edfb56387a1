import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('deadline_due_soon', 'deadline_overdue', 'nondisclosure_ended')`),
    )
    .addColumn('entity_type', 'text', (col) => col.notNull().check(sql`entity_type in ('legal_request', 'complaint')`))
    .addColumn('entity_id', 'uuid', (col) => col.notNull())
    // Which clock of the case (response_due, notice_due, first_contact, …) and the instant it falls due:
    // together the "due key" of the reminder. A deadline that moves is a new reminder.
    .addColumn('clock', 'text', (col) => col.notNull())
    .addColumn('due_at', 'timestamptz', (col) => col.notNull())
    // References and clock labels only: never a complainant's or a user's personal data.
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(title) <= 500`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    // Outbox: null until the email went out (or forever, when no SMTP server is configured).
    .addColumn('email_sent_at', 'timestamptz')
    .addColumn('email_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    // Not before this instant: a sender's lease while it sends, or the back-off after a failure.
    .addColumn('email_next_attempt_at', 'timestamptz')
    .execute();
  // "Each reminder is sent once" as a database fact: a second scheduler's insert does nothing.
  await db.schema
    .createIndex('notifications_once_idx')
    .on('notifications')
    .columns(['user_id', 'kind', 'entity_type', 'entity_id', 'clock', 'due_at'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notifications_user_created_idx')
    .on('notifications')
    .columns(['user_id', 'created_at desc', 'id desc'])
    .execute();
  await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(db);
  await sql`create index notifications_outbox_idx on notifications (created_at) where email_sent_at is null`.execute(
    db,
  );
  await db.schema.createIndex('notifications_entity_idx').on('notifications').columns(['entity_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists notifications`.execute(db);
}
