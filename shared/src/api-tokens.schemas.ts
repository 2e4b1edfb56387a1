import { z } from 'zod';
import { type Role, roleSchema } from './roles';

/** Every secret starts with this, so a leaked one is easy to recognise (and to search for in code). */
export const API_TOKEN_SECRET_PREFIX = 'dkt_';
/** The longest a token may live: a script that needs more gets a new token, on purpose. */
export const API_TOKEN_MAX_DAYS = 366;

export const issueApiTokenSchema = z.strictObject({
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, { error: 'Name is required' })
    .max(100, { error: 'Name must be at most 100 characters' })
    .regex(/^[^\p{Cc}]*$/u, { error: 'Name may not contain control characters' }),
  role: roleSchema,
  /** When the token stops working; required, and at most API_TOKEN_MAX_DAYS ahead. */
  expiresAt: z.iso.datetime({
    offset: true,
    error: 'Expiry must be a date and time, such as 2027-03-01T00:00:00Z',
  }),
});
export type IssueApiTokenInput = z.input<typeof issueApiTokenSchema>;

export const apiTokenIdParamSchema = z.strictObject({ id: z.uuid({ error: 'Not a valid API token id' }) });

export const apiTokenStatuses = ['active', 'expired', 'revoked'] as const;
export type ApiTokenStatus = (typeof apiTokenStatuses)[number];

/** A token as lists show it: never the secret, never its hash. */
export interface ApiTokenView {
  id: string;
  /** The users row the token acts as: audit events name it as their actor. */
  actorId: string;
  name: string;
  role: Role;
  /** The first characters of the secret, to recognise it. */
  prefix: string;
  status: ApiTokenStatus;
  createdAt: string;
  createdById: string | null;
  createdByName: string | null;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
}

/** The answer to issuing a token: the only time the secret is ever shown. */
export interface IssuedApiToken {
  token: ApiTokenView;
  secret: string;
}
