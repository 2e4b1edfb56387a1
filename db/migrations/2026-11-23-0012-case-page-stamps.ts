import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

/**
 * Every server keeps the case pages it built (server/src/lib/page-cache.ts). Before it answers from a kept
 * page it asks the database two things in one primary-key read: the case row's `xmin` (each update of a row
 * writes a new version of it, with the writing transaction's id) and `page_epochs.epoch`. A kept page is
 * answered only when both are what they were when the page was read. For that to be complete, whatever a
 * case page shows must change one of the two when it changes, whoever writes it:
 * - a change to a case's identifiers, notes, pushbacks or attachments updates the case's row in the same
 *   transaction (`version = version`: the version that edits are checked against stays as it was). A row
 *   this transaction wrote already has its new `xmin`, so it is not written again: an import, which
 *   inserts cases and their identifiers together, pays only the look-up;
 * - renaming or deleting an agency or a person (a page shows their names), or emptying one of those tables
 *   with TRUNCATE, adds one to the epoch, which retires every kept page at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table page_epochs (
      only_row boolean primary key default true check (only_row),
      epoch bigint not null default 0
    )`.execute(db);
  await sql`insert into page_epochs default values`.execute(db);
  await sql`
    create function docket_next_page_epoch() returns trigger language plpgsql as $$
    begin
      update page_epochs set epoch = epoch + 1;
      return null;
    end $$`.execute(db);

  // The case of each changed row: request_id, or entity_id for a legal request's attachment.
  for (const [table, caseOf] of [
    ['legal_request_identifiers', 'request_id'],
    ['legal_request_notes', 'request_id'],
    ['pushbacks', 'request_id'],
    ['attachments', `case when entity_type = 'legal_request' then entity_id end`],
  ] as const) {
    const fn = sql.raw(`docket_touch_cases_of_${table}`);
    const of = sql.raw(caseOf);
    const t = sql.raw(table);
    await sql`
      create function ${fn}() returns trigger language plpgsql as $$
      begin
        -- Each branch names only the transition tables its event has.
        if tg_op = 'INSERT' then
          update legal_requests r set version = r.version
          where r.xmin <> pg_current_xact_id()::xid and r.id in (select ${of} from new_rows);
        elsif tg_op = 'UPDATE' then
          update legal_requests r set version = r.version
          where r.xmin <> pg_current_xact_id()::xid
            and r.id in (select ${of} from new_rows union select ${of} from old_rows);
        else
          update legal_requests r set version = r.version
          where r.xmin <> pg_current_xact_id()::xid and r.id in (select ${of} from old_rows);
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_touch_case_insert`)} after insert on ${t}
      referencing new table as new_rows for each statement execute function ${fn}()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_touch_case_update`)} after update on ${t}
      referencing old table as old_rows new table as new_rows for each statement execute function ${fn}()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_touch_case_delete`)} after delete on ${t}
      referencing old table as old_rows for each statement execute function ${fn}()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_page_epoch`)} after truncate on ${t}
      for each statement execute function docket_next_page_epoch()`.execute(db);
  }

  for (const table of ['agencies', 'users']) {
    const t = sql.raw(table);
    await sql`
      create trigger ${sql.raw(`${table}_renamed_page_epoch`)} after update of name on ${t}
      for each row when (old.name is distinct from new.name) execute function docket_next_page_epoch()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_removed_page_epoch`)} after delete or truncate on ${t}
      for each statement execute function docket_next_page_epoch()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['agencies', 'users']) {
    await sql`drop trigger ${sql.raw(`${table}_removed_page_epoch`)} on ${sql.raw(table)}`.execute(db);
    await sql`drop trigger ${sql.raw(`${table}_renamed_page_epoch`)} on ${sql.raw(table)}`.execute(db);
  }
  for (const table of ['legal_request_identifiers', 'legal_request_notes', 'pushbacks', 'attachments']) {
    for (const suffix of ['touch_case_insert', 'touch_case_update', 'touch_case_delete', 'page_epoch']) {
      await sql`drop trigger ${sql.raw(`${table}_${suffix}`)} on ${sql.raw(table)}`.execute(db);
    }
    await sql`drop function ${sql.raw(`docket_touch_cases_of_${table}`)}()`.execute(db);
  }
  await sql`drop function docket_next_page_epoch()`.execute(db);
  await sql`drop table page_epochs`.execute(db);
}
