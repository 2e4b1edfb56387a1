import { Link, useNavigate } from 'react-router';
import { CreateLegalRequestForm } from '../../../features/legal-requests/components/create-legal-request-form';

export function NewRequestPage() {
  const navigate = useNavigate();
  return (
    <section className="stack narrow-xl">
      <p className="small">
        <Link to="/requests">← Legal requests</Link>
      </p>
      <h1>New legal request</h1>
      <p className="muted">Record the request as received. The scope you enter here is kept as the original scope.</p>
      <CreateLegalRequestForm
        onCreated={(request) => navigate(`/requests/${request.id}`)}
        onCancel={() => navigate('/requests')}
      />
    </section>
  );
}
