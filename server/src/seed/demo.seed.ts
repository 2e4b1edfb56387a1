import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@docket/shared/roles';
import { encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { AppDeps } from '../lib/context';
import { encryptSecret } from '../lib/crypto';
import { newTotpKey } from '../modules/auth/auth.totp';
import { getSettingsRow } from '../modules/settings/settings.queries';
import { updateSettings } from '../modules/settings/settings.service';
import { countUsers } from '../modules/users/users.queries';
import { createPerson } from '../modules/users/users.service';
import { seedComplaints } from './complaints.seed';
import { seedLegalRequests } from './legal-requests.seed';

export interface DemoSignIn {
  email: string;
  password: string;
  role: Role;
  name: string;
  /** Base32 TOTP secret for people who have 2-step verification on. */
  totpSecret: string | null;
}

const people: { email: string; name: string; role: Role; twoFactor: boolean }[] = [
  { email: 'admin@docket.test', name: 'Ada Admin', role: 'admin', twoFactor: true },
  { email: 'legal@docket.test', name: 'Lee Legal', role: 'legal', twoFactor: false },
  { email: 'support@docket.test', name: 'Sam Support', role: 'support', twoFactor: false },
  { email: 'compliance@docket.test', name: 'Cam Compliance', role: 'compliance', twoFactor: false },
];

export const demoSignInsFile = (deps: AppDeps) => join(deps.config.dataDir, 'demo-sign-ins.json');

/**
 * On an empty database: the demo people, each with a fresh random password, and 2-step verification
 * required and set up for admins. Returns null when the database already has people.
 */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<DemoSignIn[] | null> {
  if ((await countUsers(deps.db)) > 0) return null;
  const actor = { userId: null, requestId: 'demo-seed' };
  const signIns: DemoSignIn[] = [];
  let legalUserId: string | null = null;
  let supportUserId: string | null = null;
  for (const person of people) {
    const password = `demo-${encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)))}`;
    const key = person.twoFactor ? newTotpKey() : null;
    const created = await createPerson(
      deps,
      actor,
      { ...person, password },
      key ? { totpSecretEnc: encryptSecret(deps.config.secretKey, key) } : {},
    );
    if (person.role === 'legal') legalUserId = created.id;
    if (person.role === 'support') supportUserId = created.id;
    signIns.push({ ...person, password, totpSecret: key ? encodeBase32UpperCaseNoPadding(key) : null });
  }
  if (legalUserId) await seedLegalRequests(deps, legalUserId);
  if (supportUserId) await seedComplaints(deps, supportUserId);
  const settings = await getSettingsRow(deps.db);
  await updateSettings(deps, actor, { version: settings.version, requireTwoFactorFor: ['admin'] });
  const file = demoSignInsFile(deps);
  writeFileSync(file, `${JSON.stringify(signIns, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return signIns;
}

export function readDemoSignIns(deps: AppDeps): DemoSignIn[] | null {
  const file = demoSignInsFile(deps);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoSignIn[]) : null;
}

export function formatDemoSignIns(signIns: DemoSignIn[]): string {
  const lines = signIns.map(
    (s) =>
      `  ${s.role.padEnd(11)} ${s.email.padEnd(24)} password ${s.password}${s.totpSecret ? `   TOTP secret ${s.totpSecret}` : ''}`,
  );
  return ['Demo sign-ins:', ...lines].join('\n');
}
