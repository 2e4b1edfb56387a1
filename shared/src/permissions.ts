import type { Role } from './roles';

/**
 * The one table that says which role may do what. The server checks every route against it;
 * the web app reads it only to decide what to show. Later modules add their own rows here.
 */
export const permissions = {
  /** Own account: profile, 2-step verification, own sessions. */
  'self.manage': ['admin', 'legal', 'support', 'compliance'],
  'users.read': ['admin'],
  'users.manage': ['admin'],
  /** Issue and revoke API tokens for scripts (only a signed-in person, never a token itself). */
  'api_tokens.manage': ['admin'],
  'settings.read': ['admin'],
  'settings.manage': ['admin'],
  'audit.read': ['admin'],
  'audit.verify': ['admin'],
  /** Legal requests in full: legal and admin only (support and compliance never see their details). */
  'legal_requests.read': ['admin', 'legal'],
  'legal_requests.write': ['admin', 'legal'],
  'agencies.read': ['admin', 'legal'],
  'agencies.manage': ['admin', 'legal'],
  /** Complaints: compliance reads them without any of the complainant's personal data. */
  'complaints.read': ['admin', 'legal', 'support', 'compliance'],
  'complaints.personal_data': ['admin', 'legal', 'support'],
  'complaints.write': ['admin', 'legal', 'support'],
  'regulators.read': ['admin', 'legal', 'support', 'compliance'],
  'regulators.manage': ['admin'],
  'categories.manage': ['admin'],
  'retention.run': ['admin'],
  /** The search box: each role finds only the cases it may open (the search service filters by role). */
  'search.use': ['admin', 'legal', 'support', 'compliance'],
  /** Transparency reports: aggregates only, never a case or a person. */
  'reports.read': ['admin', 'legal', 'compliance'],
  'reports.publish': ['admin', 'compliance'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
