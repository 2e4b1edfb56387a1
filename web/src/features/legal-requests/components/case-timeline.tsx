import { type LegalRequestView, processTypeLabels } from '@docket/shared/legal-requests.schemas';
import { formatDateTime } from '../../../lib/format';
import {
  attachmentKindLabels,
  dispositionLabels,
  noticeDecisionLabels,
  pushbackGroundLabels,
  pushbackOutcomeLabels,
  responseMethodLabels,
} from '../labels';

interface TimelineEvent {
  key: string;
  at: string;
  title: string;
  detail?: string | undefined;
}

/**
 * The case's history, built from the case itself: the audit log is for admins only, and everything
 * a legal reviewer needs to retrace carries its own timestamp here.
 */
export function caseTimeline(request: LegalRequestView): TimelineEvent[] {
  const events: TimelineEvent[] = [
    {
      key: 'received',
      at: request.receivedAt,
      title: `${processTypeLabels[request.processType]} received from ${request.agencyName}`,
    },
    { key: 'created', at: request.createdAt, title: `Logged as ${request.reference}` },
  ];
  for (const note of request.notes) {
    events.push({
      key: `note-${note.id}`,
      at: note.createdAt,
      title: `${note.kind === 'scope' ? 'Scope' : 'Review'} note by ${note.authorName ?? 'a removed person'}`,
      detail: note.body,
    });
  }
  request.pushbacks.forEach((pushback, index) => {
    events.push({
      key: `pushback-${pushback.id}`,
      at: pushback.createdAt,
      title: `Pushback ${index + 1} opened: ${pushback.grounds.map((g) => pushbackGroundLabels[g].toLowerCase()).join(', ')}`,
      detail: pushback.proposed,
    });
    if (pushback.resolvedAt) {
      events.push({
        key: `pushback-${pushback.id}-resolved`,
        at: pushback.resolvedAt,
        title: `Pushback ${index + 1} resolved: ${pushbackOutcomeLabels[pushback.outcome].toLowerCase()}`,
        detail: pushback.requesterReply ?? undefined,
      });
    }
  });
  if (request.decision) {
    events.push({
      key: 'decision',
      at: request.decision.decidedAt,
      title: `Decided: ${dispositionLabels[request.decision.disposition].toLowerCase()}`,
      detail: request.decision.reason,
    });
  }
  if (request.response) {
    events.push({
      key: 'response',
      at: request.response.sentAt,
      title: `Response sent by ${responseMethodLabels[request.response.method].toLowerCase()}`,
      detail: request.response.note ?? undefined,
    });
  }
  if (request.notice) {
    events.push({
      key: 'notice',
      at: request.notice.decidedAt,
      title: `Notice decision: ${noticeDecisionLabels[request.notice.decision].toLowerCase()}`,
      detail: request.notice.reason,
    });
    if (request.notice.notifiedAt) {
      events.push({ key: 'notified', at: request.notice.notifiedAt, title: 'User notified' });
    }
  }
  if (request.followUp?.receivedAt) {
    events.push({ key: 'follow-up', at: request.followUp.receivedAt, title: 'Follow-up legal process received' });
  }
  for (const attachment of request.attachments) {
    events.push({
      key: `attachment-${attachment.id}`,
      at: attachment.uploadedAt,
      title: `${attachmentKindLabels[attachment.kind]} file added: ${attachment.filename}`,
    });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}

export function CaseTimeline({ request }: { request: LegalRequestView }) {
  const events = caseTimeline(request);
  return (
    <section className="panel stack" aria-labelledby="case-timeline">
      <h2 id="case-timeline">Timeline</h2>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.key} className="timeline-item">
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            <p className="timeline-title">{event.title}</p>
            {event.detail ? <p className="timeline-detail pre-line">{event.detail}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
