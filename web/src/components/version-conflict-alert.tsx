interface VersionConflictAlertProps {
  subject: string;
  onReload: () => void;
}

/** Shown when the server refuses an edit made from a stale version (409 version_conflict). */
export function VersionConflictAlert({ subject, onReload }: VersionConflictAlertProps) {
  return (
    <div className="alert alert-warning" role="alert">
      <p>Someone else changed {subject}; reload to see their change.</p>
      <button type="button" className="button" onClick={onReload}>
        Reload
      </button>
    </div>
  );
}
