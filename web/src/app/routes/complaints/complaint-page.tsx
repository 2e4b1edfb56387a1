import { can } from '@docket/shared/permissions';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useComplaint } from '../../../features/complaints/api/get-complaint';
import {
  ComplainantSection,
  ComplaintSummarySection,
} from '../../../features/complaints/components/complainant-section';
import { ComplaintActions } from '../../../features/complaints/components/complaint-actions';
import { ComplaintAttachmentsSection } from '../../../features/complaints/components/complaint-attachments-section';
import { ComplaintHeader } from '../../../features/complaints/components/complaint-header';
import { ComplaintTimeline } from '../../../features/complaints/components/complaint-timeline';
import { ContactsSection } from '../../../features/complaints/components/contacts-section';
import { EscalationsSection } from '../../../features/complaints/components/escalations-section';
import { ExtensionSection } from '../../../features/complaints/components/extension-section';
import { LinkedLegalRequestsSection } from '../../../features/complaints/components/linked-legal-requests-section';
import { ResolutionSection } from '../../../features/complaints/components/resolution-section';
import { useCurrentUser } from '../../current-user';

/** Takes the person to the upload form (a hash link would replace the history entry that says "just created"). */
function goToFiles() {
  const files = document.getElementById('complaint-files');
  files?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  files?.focus({ preventScroll: true });
}

function justCreated(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { created?: unknown }).created === true;
}

export function ComplaintPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useCurrentUser();
  const query = useComplaint(id);
  const reload = () => void query.refetch();
  const complaint = query.data;

  // Compliance reads complaints without personal data and changes nothing.
  const personalData = can(me.role, 'complaints.personal_data');
  const canWrite = can(me.role, 'complaints.write');
  const canReadRequests = can(me.role, 'legal_requests.read');
  const open = complaint ? complaint.status !== 'closed' : false;

  return (
    <div className="stack case-page">
      <p className="small">
        <Link to="/complaints">← Complaints</Link>
      </p>
      {query.isPending ? <p aria-busy="true">Loading the complaint…</p> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {complaint ? (
        <>
          {/* Until the first file is up: the letter or email itself belongs with the complaint. */}
          {justCreated(location.state) && canWrite && open && complaint.attachments.length === 0 ? (
            <div className="alert alert-success" role="status">
              <p>{complaint.reference} has been logged.</p>
              <p>
                Next:{' '}
                <button type="button" className="link-button" onClick={goToFiles}>
                  upload the original letter or email
                </button>
                .
              </p>
            </div>
          ) : null}
          <ComplaintHeader
            complaint={complaint}
            canEdit={canWrite && personalData && open && !complaint.personalDataErasedAt}
            onReload={reload}
          />
          {canWrite ? <ComplaintActions complaint={complaint} onReload={reload} /> : null}
          {personalData ? null : (
            <p className="alert alert-warning">
              The complainant's details, the summary and what was said are personal data and are not shown to your role.
            </p>
          )}
          <div className="case-columns">
            <div className="stack">
              <ComplainantSection complaint={complaint} />
              <ComplaintSummarySection complaint={complaint} />
              <ContactsSection complaint={complaint} canWrite={canWrite} onReload={reload} />
              <ExtensionSection complaint={complaint} canWrite={canWrite} onReload={reload} />
              <ResolutionSection complaint={complaint} canWrite={canWrite} onReload={reload} />
              <EscalationsSection complaint={complaint} canWrite={canWrite} onReload={reload} />
              {personalData ? (
                <ComplaintAttachmentsSection complaint={complaint} canWrite={canWrite} onReload={reload} />
              ) : null}
              <LinkedLegalRequestsSection
                complaint={complaint}
                canReadRequests={canReadRequests}
                canEdit={canWrite && canReadRequests && open}
                onReload={reload}
              />
            </div>
            <div className="stack">
              <ComplaintTimeline complaint={complaint} />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
