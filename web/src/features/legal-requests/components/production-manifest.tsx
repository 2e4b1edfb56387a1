import type { LegalRequestView } from '@docket/shared/legal-requests.schemas';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { attachmentUrl } from '../api/upload-attachment';

/** The files sent to the requester, each with its SHA-256, so what was produced can be proved later. */
export function ProductionManifest({ request }: { request: LegalRequestView }) {
  const files = request.attachments.filter((a) => a.kind === 'production');
  return (
    <div className="stack-sm">
      <h3>Production manifest</h3>
      {files.length === 0 ? (
        <p className="muted">No production files yet. Upload them under Attachments with the kind “Production”.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Production manifest</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="numeric">
                  Size
                </th>
                <th scope="col">SHA-256</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.id}>
                  <th scope="row">
                    <a href={attachmentUrl(request.id, file.id)} download={file.filename}>
                      {file.filename}
                    </a>
                  </th>
                  <td className="numeric">{formatBytes(file.size)}</td>
                  <td>
                    <code className="hash">{file.sha256}</code>
                  </td>
                  <td>{formatDateTime(file.uploadedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
