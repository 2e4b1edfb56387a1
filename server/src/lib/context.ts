import type { Database } from '@docket/db/database';
import type { Kysely } from 'kysely';
import type { SessionCache } from '../modules/auth/auth.session-cache';
import type { LegalRequestPages } from '../modules/legal-requests/legal-requests.service';
import type { Clock } from './clock';
import type { Config } from './env';
import type { Logger } from './logger';

/** What every request handler can reach. Built once at start-up (or per test). */
export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Sessions checked recently (auth.session-cache.ts). */
  sessionCache: SessionCache;
  /** Legal-request pages built lately, answered again while the database says they still hold. */
  pages: LegalRequestPages;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: import('@docket/shared/roles').Role;
  twoFactorEnabled: boolean;
}

export interface CurrentSession {
  id: string;
  publicId: string;
  twoFactorVerified: boolean;
  createdAt: Date;
  lastActiveAt: Date;
}

export interface Auth {
  session: CurrentSession;
  user: SessionUser;
  /** The session may use everything its role allows; otherwise only the second step. */
  fullySignedIn: boolean;
  next: import('@docket/shared/auth.schemas').SignInNext;
  /** Set when the request carries an API token (Authorization: Bearer) instead of a session cookie. */
  apiToken?: { id: string; name: string };
}

/** Who did something, as the audit trail records it. */
export interface Actor {
  userId: string | null;
  requestId: string | null;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    auth: Auth | null;
    /** Set by the authorize middleware; a matched route without it is a programming error. */
    authorizationChecked: boolean;
  };
};
