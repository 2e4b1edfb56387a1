import { encryptSecret } from '@docket/server/lib/crypto';
import { newTotpKey, TOTP_PERIOD_SECONDS } from '@docket/server/modules/auth/auth.totp';
import { createPerson } from '@docket/server/modules/users/users.service';
import type { Role } from '@docket/shared/roles';
import type { UserView } from '@docket/shared/users.schemas';
import { generateHOTP } from '@oslojs/otp';
import { Agent } from './agent';
import type { TestContext } from './test-app';

let counter = 0;

export interface TestPerson {
  user: UserView;
  email: string;
  password: string;
  totpKey: Uint8Array | null;
}

/** A person with a unique email, made directly through the service (audited like any creation). */
export async function makePerson(
  ctx: TestContext,
  options: { role?: Role; twoFactor?: boolean } = {},
): Promise<TestPerson> {
  counter += 1;
  const email = `person${counter}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  const password = `correct horse ${counter} battery`;
  const totpKey = options.twoFactor ? newTotpKey() : null;
  const user = await createPerson(
    ctx.deps,
    { userId: null, requestId: 'test' },
    { email, name: `Test Person ${counter}`, role: options.role ?? 'legal', password },
    totpKey ? { totpSecretEnc: encryptSecret(ctx.deps.config.secretKey, totpKey) } : {},
  );
  return { user, email, password, totpKey };
}

/** The code an authenticator app would show at the test clock's current time (or `stepOffset` steps away). */
export function totpCode(ctx: TestContext, key: Uint8Array, stepOffset = 0): string {
  const step = Math.floor(ctx.clock.now().getTime() / 1000 / TOTP_PERIOD_SECONDS) + stepOffset;
  return generateHOTP(key, BigInt(step), 6);
}

/** Moves the test clock to the start of the next TOTP step, so a fresh code exists. */
export function nextTotpStep(ctx: TestContext): void {
  const ms = ctx.clock.now().getTime();
  const period = TOTP_PERIOD_SECONDS * 1000;
  ctx.clock.set(new Date(Math.floor(ms / period) * period + period + 1000));
}

/** A fully signed-in agent for a new person of the role (passing the second step if they have one). */
export async function signedIn(
  ctx: TestContext,
  role: Role = 'legal',
  options: { twoFactor?: boolean; ip?: string } = {},
) {
  const person = await makePerson(ctx, { role, twoFactor: options.twoFactor ?? false });
  const agent = new Agent(ctx, options.ip);
  const res = await agent.post('/api/auth/sign-in', { email: person.email, password: person.password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (res.body.me.next === 'verify' && person.totpKey) {
    nextTotpStep(ctx);
    const verified = await agent.post('/api/auth/second-step', { code: totpCode(ctx, person.totpKey) });
    if (verified.status !== 200)
      throw new Error(`second step failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  return { agent, person };
}

/** An agency in the registry, made through the API as legal would. */
export async function makeAgency(agent: Agent, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const res = await agent.post('/api/agencies', {
    name: `Agency ${counter} ${Math.random().toString(36).slice(2, 6)}`,
    kind: 'law_enforcement',
    country: 'US',
    contact: 'duty desk +1 555 0100',
    verificationMethod: 'callback_known_number',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`agency: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.agency as { id: string; country: string; name: string };
}

export function legalRequestInput(agencyId: string, overrides: Record<string, unknown> = {}) {
  return {
    processType: 'subpoena',
    agencyId,
    country: 'US',
    receivedAt: '2026-03-02T09:00:00Z',
    summary: 'Grand jury subpoena for subscriber records',
    identifiers: [
      { kind: 'email', value: `user${Math.random().toString(36).slice(2, 8)}@mail.example` },
      { kind: 'account', value: `acct-${Math.random().toString(36).slice(2, 8)}` },
    ],
    dataCategories: ['subscriber'],
    ...overrides,
  };
}

/** A legal request created through the API; answers the case view. */
export async function makeLegalRequest(agent: Agent, agencyId: string, overrides: Record<string, unknown> = {}) {
  const res = await agent.post('/api/legal-requests', legalRequestInput(agencyId, overrides));
  if (res.status !== 201) throw new Error(`legal request: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.request;
}

export function complaintInput(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    channel: 'letter',
    receivedAt: '2026-03-02T09:00:00Z',
    complainant: {
      name: `Canary Complainant ${counter}`,
      email: `canary.${counter}.${Math.random().toString(36).slice(2, 6)}@complainant.example`,
      phone: '+44 20 7946 0958',
      postalAddress: '221B Baker Street, London NW1 6XE',
    },
    category: 'access',
    regime: 'gdpr',
    summary: 'I asked for a copy of my data and received nothing.',
    ...overrides,
  };
}

/** A complaint logged through the API; answers the complaint view. */
export async function makeComplaint(agent: Agent, overrides: Record<string, unknown> = {}) {
  const res = await agent.post('/api/complaints', complaintInput(overrides));
  if (res.status !== 201) throw new Error(`complaint: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.complaint;
}
