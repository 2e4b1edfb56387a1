import { parseArgs } from 'node:util';
import { emailSchema, passwordSchema } from '@docket/shared/auth.schemas';
import { roles } from '@docket/shared/roles';
import { createUserSchema } from '@docket/shared/users.schemas';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { ConfigError, loadConfig } from '../lib/env';
import { AppError } from '../lib/errors';
import { verifyAuditChain } from '../modules/audit/audit.service';
import { findUserByEmail } from '../modules/auth/auth.queries';
import { runRetention } from '../modules/complaints/complaints.retention';
import { importUsage, runImportCommand } from '../modules/imports/imports.cli';
import { runReminders } from '../modules/notifications/notifications.scheduler';
import { createPerson, listPeople, removePerson, updatePerson } from '../modules/users/users.service';
import { openRuntime, type Runtime } from '../runtime';

const usage = `Usage: pnpm docket <command> [options]

  db:migrate                                  apply pending database migrations
  users:create --email E --name N --role R [--password P]
                                              add a person (a password is generated and printed if omitted)
  users:list                                  list people
  users:disable --email E                     disable a person and end their sessions
  users:enable --email E                      enable a disabled person
  users:reset-2fa --email E                   turn off a person's 2-step verification (they enrol again)
  users:remove --email E                      remove a person: erase their personal data, keep the audit trail
  audit:verify                                recompute the audit hash chain
  retention:run [--dry-run]                   erase complainants' personal data from closed complaints past
                                              the retention period (--dry-run lists them and erases nothing)
  reminders:run                               create due reminders now and email them when SMTP is configured
                                              (the server does this every DOCKET_REMINDER_INTERVAL_SECONDS)
${importUsage}

Roles: ${roles.join(', ')}`;

const cliActor = { userId: null, requestId: 'cli' };

async function personByEmail(runtime: Runtime, raw: string | undefined) {
  const email = emailSchema.parse(raw ?? '');
  const row = await findUserByEmail(runtime.deps.db, email);
  if (!row) throw new AppError('not_found', `No person with email ${email}`);
  return row;
}

async function run(command: string | undefined, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      'dry-run': { type: 'boolean' },
      as: { type: 'string' },
      mode: { type: 'string' },
    },
    // Only `import` takes positionals (what to import and the file); other commands refuse them below.
    allowPositionals: true,
  });
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${usage}\n`);
    return command ? 0 : 1;
  }
  if (positionals.length > 0 && command !== 'import') {
    process.stderr.write(`Unexpected argument: ${positionals[0]}\n\n${usage}\n`);
    return 1;
  }
  const runtime = await openRuntime(loadConfig(), { serving: false });
  try {
    const { deps } = runtime;
    switch (command) {
      case 'db:migrate':
        process.stdout.write('Database is up to date.\n');
        return 0;
      case 'users:create': {
        const generated = values.password === undefined;
        const password =
          values.password ?? `${encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(12)))}`;
        passwordSchema.parse(password);
        const input = createUserSchema.parse({ email: values.email, name: values.name, role: values.role, password });
        const user = await createPerson(deps, cliActor, input);
        process.stdout.write(`Created ${user.role} ${user.email} (${user.id})\n`);
        if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
        return 0;
      }
      case 'users:list': {
        for (const u of await listPeople(deps, {})) {
          process.stdout.write(
            `${u.id}  ${u.status.padEnd(8)} ${u.role.padEnd(10)} ${(u.email ?? '(removed)').padEnd(30)} 2-step:${u.twoFactorEnabled ? 'on' : 'off'}\n`,
          );
        }
        return 0;
      }
      case 'users:disable':
      case 'users:enable':
      case 'users:reset-2fa': {
        const row = await personByEmail(runtime, values.email);
        const change =
          command === 'users:reset-2fa'
            ? { resetTwoFactor: true as const }
            : { status: command === 'users:disable' ? ('disabled' as const) : ('active' as const) };
        const user = await updatePerson(deps, cliActor, row.id, { version: row.version, ...change });
        process.stdout.write(`${user.email}: status ${user.status}, 2-step ${user.twoFactorEnabled ? 'on' : 'off'}\n`);
        return 0;
      }
      case 'users:remove': {
        const row = await personByEmail(runtime, values.email);
        await removePerson(deps, cliActor, row.id, row.version);
        process.stdout.write(`Removed ${row.id}: personal data erased, audit trail kept.\n`);
        return 0;
      }
      case 'audit:verify': {
        const result = await verifyAuditChain(deps.db);
        if (result.ok) {
          process.stdout.write(
            `Audit chain OK: ${result.checked} events verified (last sequence number ${result.lastSeq}).\n`,
          );
          return 0;
        }
        process.stdout.write(`Audit chain BROKEN at sequence number ${result.firstBrokenSeq}: ${result.problem}\n`);
        return 2;
      }
      case 'reminders:run': {
        const result = await runReminders(deps, cliActor);
        if (result.skipped)
          process.stdout.write('Another server is creating reminders right now; none created here.\n');
        process.stdout.write(
          `Reminders: ${result.created} notification(s) created, ${result.emailed} email(s) sent, ${result.emailFailed} email(s) failed${deps.config.smtpUrl ? '' : ' (no SMTP configured: in-app only)'}.\n`,
        );
        return 0;
      }
      case 'import':
        return await runImportCommand(deps, positionals, values);
      case 'retention:run': {
        const dryRun = values['dry-run'] === true;
        const report = await runRetention(deps, cliActor, { dryRun });
        process.stdout.write(
          `Retention: closed complaints closed before ${report.cutoff.slice(0, 10)} (${deps.config.complaintRetentionMonths} months)\n`,
        );
        for (const c of report.candidates) {
          process.stdout.write(
            `  ${c.reference}  closed ${c.closedAt.slice(0, 10)}  ${c.attachments} attachment file(s)\n`,
          );
        }
        process.stdout.write(
          dryRun
            ? `${report.candidates.length} complaint(s) would be erased. Nothing was changed (dry run).\n`
            : `${report.erased} complaint(s) erased.\n`,
        );
        return 0;
      }
      default:
        process.stderr.write(`Unknown command: ${command}\n\n${usage}\n`);
        return 1;
    }
  } finally {
    await runtime.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
run(command, rest)
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof ConfigError || err instanceof AppError) process.stderr.write(`${err.message}\n`);
    else if (err && typeof err === 'object' && 'issues' in err) {
      const issues = (err as { issues: { path: PropertyKey[]; message: string }[] }).issues;
      process.stderr.write(`${issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('\n')}\n`);
    } else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
