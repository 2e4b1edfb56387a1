import { ApiError } from '../lib/api-client';

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

interface ErrorAlertProps {
  error: unknown;
  /** Field issues already shown next to their fields are not repeated here. */
  shownFields?: readonly string[];
}

/** The one way an error from the server (or the network) is shown. */
export function ErrorAlert({ error, shownFields = [] }: ErrorAlertProps) {
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return (
      <div className="alert alert-error" role="alert">
        Something went wrong. Try again.
      </div>
    );
  }
  const otherIssues = error.issues.filter((issue) => !shownFields.includes(issue.path));
  // The server's message repeats the first issue; when every issue sits next to its field, say so instead.
  const allShownInline = error.issues.length > 0 && otherIssues.length === 0;
  return (
    <div className="alert alert-error" role="alert">
      <p>{allShownInline ? `Check the highlighted field${error.issues.length > 1 ? 's' : ''}.` : error.message}</p>
      {/* The server's message may already say when; only add the wait if it does not. */}
      {error.retryAfterSeconds !== undefined && !/try again/i.test(error.message) ? (
        <p>Try again in {describeWait(error.retryAfterSeconds)}.</p>
      ) : null}
      {otherIssues.length > 0 ? (
        <ul>
          {otherIssues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error.requestId ? <p className="muted small">Reference: {error.requestId}</p> : null}
    </div>
  );
}
