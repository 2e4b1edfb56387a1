import type { AppDeps } from '../lib/context';
import {
  addContact,
  addCorrespondence,
  closeEscalation,
  createComplaint,
  openEscalation,
  resolveComplaint,
  transitionComplaint,
} from '../modules/complaints/complaints.service';

const names = [
  'Amélie Laurent',
  'Jonas Becker',
  'Sofia Rossi',
  'Liam Murphy',
  'Eva Novák',
  'Noah Jansen',
  'Maja Nilsson',
  'Lucas Silva',
];
const categories = ['access', 'erasure', 'data_transfer', 'security', 'other'];
const regimes = ['gdpr', 'gdpr', 'fca', 'default'] as const;
const targets = [
  'received',
  'acknowledged',
  'investigating',
  'resolved',
  'escalated',
  'closed',
  'closed_escalated',
] as const;

/** Complaints in every status, some escalated to one or several regulators, logged by the demo support person. */
export async function seedComplaints(deps: AppDeps, supportUserId: string): Promise<void> {
  const actor = { userId: supportUserId, requestId: 'demo-seed' };
  const regulators = await deps.db.selectFrom('regulators').select(['id', 'short_name']).execute();
  const byShort = (s: string) => regulators.find((r) => r.short_name === s)?.id as string;
  const pairs = [
    [byShort('CNIL')],
    [byShort('ICO')],
    [byShort('DPC'), byShort('BfDI')],
    [byShort('AEPD')],
    [byShort('AP'), byShort('ICO')],
  ];
  const now = deps.clock.now().getTime();
  const day = 24 * 60 * 60 * 1000;
  for (let i = 0; i < 28; i++) {
    const target = targets[i % targets.length] ?? 'received';
    const name = names[i % names.length] ?? 'A. Person';
    const receivedAt = new Date(
      now - (target === 'received' || target === 'acknowledged' ? 2 + (i % 5) : 40 + i * 9) * day,
    );
    const at = (days: number) => new Date(receivedAt.getTime() + days * day).toISOString();
    let c = await deps.db.transaction().execute((trx) =>
      createComplaint(deps, trx, actor, {
        channel: (['letter', 'email', 'web_form', 'other'] as const)[i % 4] ?? 'letter',
        receivedAt: receivedAt.toISOString(),
        complainant: {
          name,
          email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@example.org`,
          phone: `+44 20 7946 0${String(100 + i).slice(-3)}`,
          postalAddress: `${10 + i} Example Street, London`,
        },
        category: categories[i % categories.length] ?? 'other',
        regime: regimes[i % regimes.length] ?? 'default',
        summary: 'The complainant says their request about their personal data was not handled properly.',
        legalRequestIds: [],
      }),
    );
    if (target === 'received') continue;
    c = await transitionComplaint(deps, actor, c.id, { version: c.version, to: 'acknowledged' });
    c = await addContact(deps, actor, c.id, {
      occurredAt: at(1),
      direction: 'out',
      channel: 'email',
      summary: 'Acknowledged and asked for details',
    });
    if (target === 'acknowledged') continue;
    c = await transitionComplaint(deps, actor, c.id, { version: c.version, to: 'investigating' });
    if (target === 'investigating') continue;
    if (target === 'resolved' || (target === 'closed' && i % 2 === 0)) {
      c = await resolveComplaint(deps, actor, c.id, {
        version: c.version,
        outcome: (['upheld', 'partly_upheld', 'not_upheld', 'withdrawn'] as const)[i % 4] ?? 'upheld',
        finalResponseSentAt: at(20),
        finalResponseSummary: 'Final response explaining what we did',
        toldOfRegulatorRight: true,
      });
      if (target === 'closed') await transitionComplaint(deps, actor, c.id, { version: c.version, to: 'closed' });
      continue;
    }
    const regs = pairs[i % pairs.length] ?? [];
    for (const [k, regulatorId] of regs.entries()) {
      c = await openEscalation(deps, actor, c.id, {
        version: c.version,
        regulatorId,
        openedAt: at(25 + k),
        regulatorReference: `REG-${2026}-${1000 + i * 10 + k}`,
        sentSummary: 'Our file on the complaint and the final position',
      });
    }
    for (const e of c.escalations) {
      c = await addCorrespondence(deps, actor, c.id, e.id, {
        occurredAt: at(35),
        direction: 'in',
        summary: 'The regulator asks for our records of processing',
      });
    }
    if (target === 'escalated') continue;
    for (const e of c.escalations) {
      const current = c.escalations.find((x) => x.id === e.id);
      c = await closeEscalation(deps, actor, c.id, e.id, {
        version: current?.version ?? e.version,
        outcome: 'resolved',
        closedAt: at(60),
      });
    }
    await transitionComplaint(deps, actor, c.id, { version: c.version, to: 'closed' });
  }
}
