import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export const importsQueryKey = ['legal-request-imports'] as const;

/** Past imports of legal requests, newest first. */
export function useImports() {
  return useQuery({
    queryKey: importsQueryKey,
    queryFn: async () => (await unwrap(client.api['legal-requests'].imports.$get({ query: {} }))).imports,
  });
}

/** The CSV template (header and one example row), downloaded as a file. */
export const importTemplateUrl = '/api/legal-requests/imports/template.csv';
