import type { AuditEventView } from '@docket/shared/audit.schemas';
import {
  type AttachmentKind,
  attachmentKindSchema,
  dispositionSchema,
  type LegalRequestStatus,
  type LegalRequestView,
  legalRequestStatusSchema,
  noticeDecisionSchema,
  processTypeLabels,
  processTypeSchema,
  pushbackGroundSchema,
  pushbackOutcomeSchema,
  responseMethodSchema,
  statusLabels,
} from '@docket/shared/legal-requests.schemas';
import { useCurrentUser } from '../../../app/current-user';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/format';
import {
  actorOf,
  changeText,
  EventTimeline,
  statusChangeOf,
  type TimelineEntry,
} from '../../audit/components/event-timeline';
import { type AssignablePerson, useAssignablePeople } from '../api/get-assignable-people';
import { useLegalRequestHistory } from '../api/get-legal-request-history';
import {
  attachmentKindLabels,
  dispositionLabels,
  noticeDecisionLabels,
  pushbackGroundLabels,
  pushbackOutcomeLabels,
  responseMethodLabels,
} from '../labels';

/** The columns an edit may name (audit `fields`), in words. */
const fieldWords: Record<string, string> = {
  agency_id: 'agency',
  country: 'country',
  due_at: 'due date',
  emergency: 'emergency flag',
  summary: 'summary',
  assignee_id: 'assignee',
  nondisclosure_kind: 'nondisclosure order',
  nondisclosure_until: 'nondisclosure end date',
  nondisclosure_statute: 'nondisclosure statute',
};

function statusWord(value: string): string {
  const parsed = legalRequestStatusSchema.safeParse(value);
  return parsed.success ? statusLabels[parsed.data] : value;
}

function moveTitle(from: string, to: LegalRequestStatus | string): string {
  switch (to) {
    case 'in_review':
      if (from === 'decided') return 'Reopened for review';
      if (from === 'pushback') return 'Back in review';
      return 'Review started';
    case 'withdrawn':
      return 'Marked as withdrawn';
    case 'rejected':
      return 'Rejected';
    case 'closed':
      return 'Closed';
    default:
      return `Moved to ${statusWord(to).toLowerCase()}`;
  }
}

/** "legal_request.something_new" → "Something new": an action this page does not know yet still reads. */
function fallbackTitle(action: string): string {
  const words = (action.split('.').pop() ?? action).replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function personName(id: unknown, people: AssignablePerson[] | undefined, request: LegalRequestView): string {
  if (typeof id !== 'string') return 'nobody';
  if (id === request.assigneeId && request.assigneeName) return request.assigneeName;
  return people?.find((person) => person.id === id)?.name ?? 'someone no longer listed';
}

/**
 * One audit event in words. The event carries ids and codes (never free text); the case supplies
 * the words: pushback numbers, file names, the latest reasons.
 */
function describe(
  event: AuditEventView,
  request: LegalRequestView,
  people: AssignablePerson[] | undefined,
  latest: Set<string>,
): Pick<TimelineEntry, 'title' | 'detail'> {
  const { changes } = event;
  // Reasons and notes on the case are the current ones: show them with the newest event of their kind.
  const firstOfKind = !latest.has(event.action);
  latest.add(event.action);
  const pushbackIndex = request.pushbacks.findIndex((p) => p.id === changes.pushbackId);
  const pushback = request.pushbacks[pushbackIndex];
  const pushbackName = pushbackIndex >= 0 ? `Pushback ${pushbackIndex + 1}` : 'Pushback';

  switch (event.action) {
    case 'legal_request.created': {
      const type = processTypeSchema.safeParse(changes.processType);
      const from = changes.agencyId === request.agencyId ? ` from ${request.agencyName}` : '';
      return {
        title: `Logged as ${changeText(changes, 'reference') ?? request.reference}`,
        detail: `${type.success ? processTypeLabels[type.data] : 'Request'}${from}, received ${formatDateTime(request.receivedAt)}`,
      };
    }
    case 'legal_request.transitioned': {
      const move = statusChangeOf(changes);
      return { title: move ? moveTitle(move.from, move.to) : 'Status changed' };
    }
    case 'legal_request.updated': {
      const fields = Array.isArray(changes.fields) ? changes.fields.filter((f) => typeof f === 'string') : [];
      const assignee = changes.assigneeId as { to?: unknown } | undefined;
      if (fields.length === 1 && fields[0] === 'assignee_id' && assignee) {
        return {
          title: assignee.to ? `Assigned to ${personName(assignee.to, people, request)}` : 'Unassigned',
        };
      }
      const words = [...new Set(fields.map((f) => fieldWords[f] ?? f.replace(/_/g, ' ')))];
      return {
        title: words.length > 0 ? `Details edited: ${words.join(', ')}` : 'Details edited',
        detail: assignee ? `Assigned to ${personName(assignee.to, people, request)}` : undefined,
      };
    }
    case 'legal_request.note_added': {
      const note = request.notes.find((n) => n.id === changes.noteId);
      const kind = (note?.kind ?? changes.kind) === 'scope' ? 'Scope' : 'Review';
      return { title: `${kind} note added`, detail: note?.body };
    }
    case 'legal_request.pushback_opened': {
      const grounds = Array.isArray(changes.grounds)
        ? changes.grounds.flatMap((g) => {
            const parsed = pushbackGroundSchema.safeParse(g);
            return parsed.success ? [pushbackGroundLabels[parsed.data].toLowerCase()] : [];
          })
        : [];
      return {
        title: `${pushbackName} opened${grounds.length > 0 ? `: ${grounds.join(', ')}` : ''}`,
        detail: pushback?.proposed,
      };
    }
    case 'legal_request.pushback_reply_recorded':
      return {
        title: `${pushbackName}: the requester's reply recorded`,
        detail: pushback?.requesterReply ?? undefined,
      };
    case 'legal_request.pushback_resolved': {
      const outcome = pushbackOutcomeSchema.safeParse(changes.outcome);
      return {
        title: `${pushbackName} resolved${outcome.success ? `: ${pushbackOutcomeLabels[outcome.data].toLowerCase()}` : ''}`,
        detail: pushback?.requesterReply ?? undefined,
      };
    }
    case 'legal_request.decided': {
      const disposition = dispositionSchema.safeParse(changes.disposition);
      return {
        title: disposition.success ? `Decided: ${dispositionLabels[disposition.data].toLowerCase()}` : 'Decided',
        detail: firstOfKind ? request.decision?.reason : undefined,
      };
    }
    case 'legal_request.responded': {
      const method = responseMethodSchema.safeParse(changes.method);
      return {
        title: method.success ? `Response sent by ${responseMethodLabels[method.data].toLowerCase()}` : 'Response sent',
        detail: firstOfKind ? (request.response?.note ?? undefined) : undefined,
      };
    }
    case 'legal_request.notice_decided': {
      const decision = noticeDecisionSchema.safeParse(changes.decision);
      return {
        title: decision.success
          ? `Notice decision: ${noticeDecisionLabels[decision.data].toLowerCase()}${changes.notified ? ' (user notified)' : ''}`
          : 'Notice decision recorded',
        detail: firstOfKind ? request.notice?.reason : undefined,
      };
    }
    case 'legal_request.follow_up_received':
      return { title: 'Follow-up legal process received' };
    case 'legal_request.preservation_extended':
      return { title: `Preservation extended to ${formatDateTime(changeText(changes, 'expiresAt'))}` };
    case 'attachment.added': {
      const attachment = request.attachments.find((a) => a.id === changes.attachmentId);
      const kind = attachmentKindSchema.safeParse(changes.kind);
      const kindWord = kind.success ? attachmentKindLabels[kind.data as AttachmentKind] : 'A';
      return { title: `${kindWord} file added${attachment ? `: ${attachment.filename}` : ''}` };
    }
    default:
      return { title: fallbackTitle(event.action) };
  }
}

export function caseTimeline(
  events: AuditEventView[],
  request: LegalRequestView,
  people: AssignablePerson[] | undefined,
): TimelineEntry[] {
  const latest = new Set<string>();
  return events.map((event) => {
    const move = statusChangeOf(event.changes);
    return {
      key: String(event.seq),
      at: event.occurredAt,
      actor: actorOf(event),
      statusChange: move ? { from: statusWord(move.from), to: statusWord(move.to) } : undefined,
      ...describe(event, request, people, latest),
    };
  });
}

/** The case's history from its audit trail: who did what and when, newest first. */
export function CaseTimeline({ request }: { request: LegalRequestView }) {
  const me = useCurrentUser();
  const history = useLegalRequestHistory(request.id);
  const people = useAssignablePeople(me.role);
  return (
    <section className="panel stack" aria-labelledby="case-timeline">
      <h2 id="case-timeline">Timeline</h2>
      {history.isPending ? <p aria-busy="true">Loading the history…</p> : null}
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      {history.data ? (
        <>
          <EventTimeline entries={caseTimeline(history.data.events, request, people.data)} />
          {history.data.nextBefore !== null ? (
            <p className="muted small">Showing the latest {history.data.events.length} events.</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
