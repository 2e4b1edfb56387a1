import type { OpenApiDocument, OpenApiOperation } from '../api/get-openapi-document';

/** Follows a local "#/components/schemas/X" reference so the body shows its fields, not a pointer. */
function resolve(schema: unknown, document: OpenApiDocument): unknown {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (ref?.startsWith('#/components/schemas/')) return document.components?.schemas?.[ref.split('/').pop() ?? ''];
  return schema;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function OperationCard({
  method,
  path,
  operation,
  document,
}: {
  method: string;
  path: string;
  operation: OpenApiOperation;
  document: OpenApiDocument;
}) {
  const parameters = operation.parameters ?? [];
  const body = operation.requestBody?.content;
  const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-');
  return (
    <article className="card stack" aria-labelledby={id}>
      <h3 id={id} className="operation-title">
        <span className={`method method-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      {operation.description ? <p className="muted">{operation.description}</p> : null}
      {parameters.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">Parameters of {`${method.toUpperCase()} ${path}`}</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">In</th>
              <th scope="col">Required</th>
              <th scope="col">Schema</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <td>
                  <code>{p.name}</code>
                </td>
                <td>{p.in}</td>
                <td>{p.required ? 'yes' : 'no'}</td>
                <td>
                  <code className="schema-inline">{JSON.stringify(p.schema)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body
        ? Object.entries(body).map(([media, content]) => (
            <details key={media}>
              <summary>
                Request body <code>{media}</code>
              </summary>
              <pre className="schema">{json(resolve(content.schema, document))}</pre>
            </details>
          ))
        : null}
      <details>
        <summary>Responses</summary>
        <ul>
          {Object.entries(operation.responses ?? {}).map(([status, response]) => (
            <li key={status}>
              <strong>{status}</strong> {response.description}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
