import { z } from 'zod';

export const roles = ['admin', 'legal', 'support', 'compliance'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  legal: 'Legal',
  support: 'Support',
  compliance: 'Compliance',
};
