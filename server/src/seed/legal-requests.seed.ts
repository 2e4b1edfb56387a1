import type { DataCategory, ProcessType } from '@docket/shared/legal-requests.schemas';
import type { AppDeps } from '../lib/context';
import { createAgency } from '../modules/agencies/agencies.service';
import {
  createLegalRequest,
  openPushback,
  recordDecision,
  recordFollowUp,
  recordNotice,
  recordResponse,
  transitionLegalRequest,
} from '../modules/legal-requests/legal-requests.service';

const agencies = [
  { name: 'Federal Bureau of Investigation', kind: 'law_enforcement', country: 'US' },
  { name: "New York County District Attorney's Office", kind: 'prosecutor', country: 'US' },
  { name: 'U.S. District Court for the Northern District of California', kind: 'court', country: 'US' },
  { name: 'U.S. Department of Justice, Office of International Affairs', kind: 'foreign_government', country: 'US' },
  { name: 'Bundeskriminalamt', kind: 'law_enforcement', country: 'DE' },
  { name: 'Metropolitan Police Service', kind: 'law_enforcement', country: 'GB' },
  { name: 'Police nationale', kind: 'law_enforcement', country: 'FR' },
  { name: 'Policía Nacional', kind: 'law_enforcement', country: 'ES' },
  { name: 'Australian Federal Police', kind: 'law_enforcement', country: 'AU' },
  { name: 'Royal Canadian Mounted Police', kind: 'law_enforcement', country: 'CA' },
  { name: 'Polícia Federal', kind: 'law_enforcement', country: 'BR' },
] as const;

const categoriesFor: Record<ProcessType, DataCategory[]> = {
  subpoena: ['subscriber'],
  court_order: ['subscriber', 'non_content'],
  search_warrant: ['subscriber', 'non_content', 'content'],
  emergency: ['subscriber', 'non_content'],
  preservation: [],
  national_security: ['subscriber'],
  mlat: ['subscriber', 'content'],
  other: ['subscriber'],
};

const types: ProcessType[] = [
  'subpoena',
  'subpoena',
  'subpoena',
  'court_order',
  'court_order',
  'search_warrant',
  'emergency',
  'preservation',
  'mlat',
  'national_security',
  'other',
];
const targets = [
  'received',
  'in_review',
  'pushback',
  'decided',
  'responded',
  'closed',
  'closed',
  'closed',
  'withdrawn',
  'rejected',
] as const;

/** A small deterministic generator, so every demo looks the same. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Agencies and a spread of legal requests in every status, worked by the demo legal person. */
export async function seedLegalRequests(deps: AppDeps, legalUserId: string): Promise<void> {
  const actor = { userId: legalUserId, requestId: 'demo-seed' };
  const rand = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const made = [];
  for (const agency of agencies) {
    made.push(
      await createAgency(deps, actor, {
        ...agency,
        contact: 'Duty desk, verified by call-back',
        verificationMethod: 'callback_known_number',
      }),
    );
  }
  const now = deps.clock.now().getTime();
  const day = 24 * 60 * 60 * 1000;
  for (let i = 0; i < 40; i++) {
    const target = targets[i % targets.length] ?? 'received';
    let processType = types[i % types.length] ?? 'subpoena';
    if (processType === 'preservation' && !['received', 'in_review', 'closed'].includes(target))
      processType = 'subpoena';
    const agency = processType === 'mlat' ? (made[3] ?? pick(made)) : pick(made);
    const recentDays =
      target === 'received' || target === 'in_review' || target === 'pushback' ? 1 + rand() * 20 : 20 + rand() * 330;
    const receivedAt = new Date(now - recentDays * day);
    const categories = [...categoriesFor[processType]];
    if (processType === 'subpoena' && i % 9 === 0) categories.push('content'); // asks beyond the ladder
    const identifiers = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) =>
      k === 0
        ? { kind: 'email' as const, value: `user${100 + i}@example.net` }
        : k === 1
          ? { kind: 'account' as const, value: `acct-${10_000 + i * 7}` }
          : { kind: 'phone' as const, value: `+1 555 01${String(i).padStart(2, '0')}` },
    );
    const gagged = i % 5 === 1;
    let r = await deps.db.transaction().execute((trx) =>
      createLegalRequest(deps, trx, actor, {
        processType,
        agencyId: agency.id,
        country: agency.country,
        receivedAt: receivedAt.toISOString(),
        dueAt: null,
        emergency: processType === 'emergency',
        summary: `${agency.name}: ${processType.replace('_', ' ')} concerning ${identifiers.length} identifier(s) in an ongoing investigation.`,
        identifiers,
        dataCategories: categories,
        dateRangeStart: new Date(receivedAt.getTime() - 180 * day).toISOString().slice(0, 10),
        dateRangeEnd: receivedAt.toISOString().slice(0, 10),
        nondisclosure: gagged
          ? {
              kind: 'until',
              until: new Date(receivedAt.getTime() + 180 * day).toISOString().slice(0, 10),
              statute: '18 U.S.C. 2705(b)',
            }
          : { kind: 'none' },
        assigneeId: i % 3 === 0 ? null : legalUserId,
      }),
    );
    if (target === 'received') continue;
    if (target === 'withdrawn' || target === 'rejected') {
      await transitionLegalRequest(deps, actor, r.id, {
        version: r.version,
        to: target,
        reason: target === 'withdrawn' ? 'The agency withdrew the request' : 'Not addressed to this company',
      });
      continue;
    }
    r = await transitionLegalRequest(deps, actor, r.id, { version: r.version, to: 'in_review' });
    if (target === 'in_review') continue;
    if (target === 'pushback') {
      await openPushback(deps, actor, r.id, {
        version: r.version,
        grounds: ['overbroad'],
        asked: 'All records for every identifier over two years',
        proposed: 'Subscriber records for the first identifier over six months',
      });
      continue;
    }
    const disposition = processType === 'preservation' ? 'none' : pick(['produced', 'partial', 'none'] as const);
    r = await recordDecision(deps, actor, r.id, {
      version: r.version,
      disposition,
      reason: 'Reviewed against policy and the process served',
    });
    if (target === 'decided') continue;
    const inScope = r.identifiers.filter((x) => x.inScope);
    r = await recordResponse(deps, actor, r.id, {
      version: r.version,
      sentAt: new Date(receivedAt.getTime() + 8 * day).toISOString(),
      method: 'secure_portal',
      producedCategories: disposition === 'none' ? [] : categories.slice(0, 1),
      outcomes: inScope.map((x, k) => ({
        identifierId: x.id,
        outcome:
          disposition === 'produced'
            ? 'produced'
            : disposition === 'partial'
              ? k === 0
                ? 'partial'
                : 'none'
              : 'not_found',
      })),
    });
    if (target === 'responded') continue;
    if (processType !== 'preservation') {
      r = await recordNotice(deps, actor, r.id, {
        version: r.version,
        decision: gagged ? 'delay' : 'notify',
        reason: gagged ? 'Nondisclosure order in force' : 'No order prevents notice',
        notifiedAt: gagged ? null : new Date(receivedAt.getTime() + 9 * day).toISOString(),
      });
    }
    if (r.followUp) {
      r = await recordFollowUp(deps, actor, r.id, {
        version: r.version,
        receivedAt: new Date(receivedAt.getTime() + 5 * day).toISOString(),
      });
    }
    await transitionLegalRequest(deps, actor, r.id, { version: r.version, to: 'closed' });
  }
}
