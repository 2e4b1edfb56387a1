import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useLegalRequest } from '../../../features/legal-requests/api/get-legal-request';
import { AttachmentsSection } from '../../../features/legal-requests/components/attachments-section';
import { CaseActions } from '../../../features/legal-requests/components/case-actions';
import {
  IdentifiersSection,
  ScopeSection,
  SummarySection,
} from '../../../features/legal-requests/components/case-details-sections';
import { CaseHeader } from '../../../features/legal-requests/components/case-header';
import { CaseTimeline } from '../../../features/legal-requests/components/case-timeline';
import { DecisionSection } from '../../../features/legal-requests/components/decision-section';
import { FollowUpSection } from '../../../features/legal-requests/components/follow-up-section';
import { NotesSection } from '../../../features/legal-requests/components/notes-section';
import { NoticeSection } from '../../../features/legal-requests/components/notice-section';
import { PreservationSection } from '../../../features/legal-requests/components/preservation-section';
import { PushbacksSection } from '../../../features/legal-requests/components/pushbacks-section';
import { ResponseSection } from '../../../features/legal-requests/components/response-section';

export function RequestPage() {
  const { id = '' } = useParams();
  const query = useLegalRequest(id);
  const reload = () => void query.refetch();
  const request = query.data;

  return (
    <div className="stack case-page">
      <p className="small">
        <Link to="/requests">← Legal requests</Link>
      </p>
      {query.isPending ? <p aria-busy="true">Loading the request…</p> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {request ? (
        <>
          <CaseHeader request={request} onReload={reload} />
          <CaseActions request={request} onReload={reload} />
          <div className="case-columns">
            <div className="stack">
              <SummarySection request={request} />
              <IdentifiersSection request={request} />
              <ScopeSection request={request} />
              <PushbacksSection request={request} onReload={reload} />
              <DecisionSection request={request} onReload={reload} />
              <ResponseSection request={request} onReload={reload} />
              <NoticeSection request={request} onReload={reload} />
              <FollowUpSection request={request} onReload={reload} />
              <PreservationSection request={request} onReload={reload} />
              <AttachmentsSection request={request} onReload={reload} />
            </div>
            <div className="stack">
              <NotesSection request={request} onReload={reload} />
              <CaseTimeline request={request} />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
