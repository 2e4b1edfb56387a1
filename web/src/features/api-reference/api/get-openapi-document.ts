import { useQuery } from '@tanstack/react-query';
import { apiErrorFrom, networkError } from '../../../lib/api-client';

export interface OpenApiOperation {
  summary?: string;
  description?: string;
  operationId?: string;
  tags?: string[];
  'x-docket-permission'?: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}

/** The OpenAPI 3.1 document the server generates from its own routes and schemas. */
export function useOpenApiDocument() {
  return useQuery({
    queryKey: ['openapi'],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<OpenApiDocument> => {
      const response = await fetch('/api/openapi.json', { credentials: 'same-origin' }).catch(() => {
        throw networkError();
      });
      if (!response.ok) throw await apiErrorFrom(response);
      return (await response.json()) as OpenApiDocument;
    },
  });
}
