import { Link, useNavigate } from 'react-router';
import { CreateComplaintForm } from '../../../features/complaints/components/create-complaint-form';

export function NewComplaintPage() {
  const navigate = useNavigate();
  return (
    <section className="stack narrow-xl">
      <p className="small">
        <Link to="/complaints">← Complaints</Link>
      </p>
      <h1>Log a complaint</h1>
      <p className="muted">
        Record the complaint as received. You can upload the original letter or email on the complaint page next.
      </p>
      <CreateComplaintForm
        onCreated={(complaint) => navigate(`/complaints/${complaint.id}`, { state: { created: true } })}
        onCancel={() => navigate('/complaints')}
      />
    </section>
  );
}
