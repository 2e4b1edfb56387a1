import type { AuditEventView } from '@docket/shared/audit.schemas';
import {
  type CategoryView,
  type ComplaintView,
  complaintChannelSchema,
  complaintOutcomeSchema,
  complaintStatusLabels,
  complaintStatusSchema,
  contactChannels,
  escalationOutcomeSchema,
  type RegulatorView,
  regimeSchema,
} from '@docket/shared/complaints.schemas';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/format';
import {
  actorOf,
  changeText,
  EventTimeline,
  statusChangeOf,
  type TimelineEntry,
} from '../../audit/components/event-timeline';
import { useRegulators } from '../../regulators/api/get-regulators';
import { useComplaintCategories } from '../api/get-complaint-categories';
import { useComplaintHistory } from '../api/get-complaint-history';
import {
  complaintChannelLabels,
  complaintOutcomeLabels,
  contactChannelLabels,
  escalationOutcomeLabels,
  regimeShortLabels,
} from '../labels';

const fieldWords: Record<string, string> = {
  'complainant.name': "complainant's name",
  'complainant.email': "complainant's email",
  'complainant.phone': "complainant's phone",
  'complainant.postalAddress': "complainant's postal address",
  category: 'category',
  summary: 'summary',
  legalRequestIds: 'linked legal requests',
};

function statusWord(value: string): string {
  const parsed = complaintStatusSchema.safeParse(value);
  return parsed.success ? complaintStatusLabels[parsed.data] : value;
}

function fallbackTitle(action: string): string {
  const words = (action.split('.').pop() ?? action).replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface Lookups {
  complaint: ComplaintView;
  categories: CategoryView[] | undefined;
  regulators: RegulatorView[] | undefined;
}

function regulatorName(changes: Record<string, unknown>, { complaint, regulators }: Lookups): string {
  const escalation = complaint.escalations.find((e) => e.id === changes.escalationId);
  if (escalation) return escalation.regulatorName;
  const regulator = regulators?.find((r) => r.id === changes.regulatorId);
  return regulator?.shortName ?? regulator?.name ?? 'a regulator';
}

/**
 * One audit event in words. Events carry ids and codes, never the complainant's words; the complaint
 * supplies the summaries (only to roles that may read them) and the regulator names.
 */
function describe(event: AuditEventView, lookups: Lookups): Pick<TimelineEntry, 'title' | 'detail'> {
  const { changes } = event;
  const { complaint, categories } = lookups;
  switch (event.action) {
    case 'complaint.created': {
      const channel = complaintChannelSchema.safeParse(changes.channel);
      const regime = regimeSchema.safeParse(changes.regime);
      const category = categories?.find((c) => c.code === changes.category)?.label;
      const parts = [
        channel.success ? complaintChannelLabels[channel.data] : null,
        regime.success ? regimeShortLabels[regime.data] : null,
        category ?? null,
      ].filter(Boolean);
      return {
        title: `Logged as ${changeText(changes, 'reference') ?? complaint.reference}`,
        detail: parts.length > 0 ? `${parts.join(' · ')}; received ${formatDateTime(complaint.receivedAt)}` : undefined,
      };
    }
    case 'complaint.transitioned': {
      const move = statusChangeOf(changes);
      if (move?.to === 'acknowledged') return { title: 'Acknowledged' };
      if (move?.to === 'investigating') return { title: 'Investigation started' };
      if (move?.to === 'closed') return { title: 'Closed' };
      return { title: move ? `Moved to ${statusWord(move.to).toLowerCase()}` : 'Status changed' };
    }
    case 'complaint.updated': {
      const fields = Array.isArray(changes.fields) ? changes.fields.filter((f) => typeof f === 'string') : [];
      const words = [...new Set(fields.map((f) => fieldWords[f] ?? f))];
      if (words.length === 1 && fields[0] === 'legalRequestIds') return { title: 'Linked legal requests changed' };
      return { title: words.length > 0 ? `Details edited: ${words.join(', ')}` : 'Details edited' };
    }
    case 'complaint.contact_logged': {
      const contact = complaint.contacts.find((c) => c.id === changes.contactId);
      const channelCode = contactChannels.find((c) => c === changes.channel);
      const how = channelCode ? ` (${contactChannelLabels[channelCode].toLowerCase()})` : '';
      return {
        title: `${changes.direction === 'out' ? 'Contact with the complainant' : 'Message from the complainant'}${how}`,
        detail: contact?.summary,
      };
    }
    case 'complaint.extended': {
      const due = changes.responseDueAt as { to?: unknown } | undefined;
      return {
        title: 'Deadline extended by two months',
        detail: typeof due?.to === 'string' ? `Response now due ${formatDateTime(due.to)}` : undefined,
      };
    }
    case 'complaint.resolved': {
      const outcome = complaintOutcomeSchema.safeParse(changes.outcome);
      return {
        title: outcome.success ? `Resolved: ${complaintOutcomeLabels[outcome.data].toLowerCase()}` : 'Resolved',
        detail:
          changes.toldOfRegulatorRight === true
            ? 'Told of the right to go to the regulator'
            : changes.toldOfRegulatorRight === false
              ? 'Not told of the right to go to the regulator'
              : undefined,
      };
    }
    case 'complaint.escalated':
      return { title: `Escalated to ${regulatorName(changes, lookups)}` };
    case 'escalation.updated':
      return { title: `Escalation to ${regulatorName(changes, lookups)} updated` };
    case 'escalation.correspondence_logged': {
      const escalation = complaint.escalations.find((e) => e.id === changes.escalationId);
      const entry = escalation?.correspondence.find((c) => c.id === changes.correspondenceId);
      const name = regulatorName(changes, lookups);
      return {
        title: changes.direction === 'out' ? `Correspondence sent to ${name}` : `Correspondence from ${name}`,
        detail: entry?.summary,
      };
    }
    case 'escalation.closed': {
      const outcome = escalationOutcomeSchema.safeParse(changes.outcome);
      return {
        title: `Escalation to ${regulatorName(changes, lookups)} closed${
          outcome.success ? `: ${escalationOutcomeLabels[outcome.data].toLowerCase()}` : ''
        }`,
      };
    }
    case 'attachment.added': {
      const attachment = complaint.attachments.find((a) => a.id === changes.attachmentId);
      return { title: `File added${attachment ? `: ${attachment.filename}` : ''}` };
    }
    default:
      return { title: fallbackTitle(event.action) };
  }
}

export function complaintTimeline(events: AuditEventView[], lookups: Lookups): TimelineEntry[] {
  return events.map((event) => {
    const move = statusChangeOf(event.changes);
    return {
      key: String(event.seq),
      at: event.occurredAt,
      actor: actorOf(event),
      statusChange: move ? { from: statusWord(move.from), to: statusWord(move.to) } : undefined,
      ...describe(event, lookups),
    };
  });
}

/** The complaint's history from its audit trail: who did what and when, newest first. */
export function ComplaintTimeline({ complaint }: { complaint: ComplaintView }) {
  const history = useComplaintHistory(complaint.id);
  const categories = useComplaintCategories();
  const regulators = useRegulators();
  return (
    <section className="panel stack" aria-labelledby="complaint-timeline">
      <h2 id="complaint-timeline">Timeline</h2>
      {history.isPending ? <p aria-busy="true">Loading the history…</p> : null}
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      {history.data ? (
        <>
          <EventTimeline
            entries={complaintTimeline(history.data.events, {
              complaint,
              categories: categories.data,
              regulators: regulators.data,
            })}
          />
          {history.data.nextBefore !== null ? (
            <p className="muted small">Showing the latest {history.data.events.length} events.</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
