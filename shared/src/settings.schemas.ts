import { z } from 'zod';
import { type Role, roleSchema } from './roles';

export const updateSettingsSchema = z.strictObject({
  version: z.int({ error: 'Version is required' }).positive(),
  /** Roles whose members must use 2-step verification; all four roles means everyone. */
  requireTwoFactorFor: z
    .array(roleSchema)
    .max(4)
    .refine((list) => new Set(list).size === list.length, { error: 'Each role may appear once' }),
});
export type UpdateSettingsInput = z.input<typeof updateSettingsSchema>;

export interface SettingsView {
  requireTwoFactorFor: Role[];
  version: number;
  updatedAt: string;
}
