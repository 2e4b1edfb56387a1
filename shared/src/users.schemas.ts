import { z } from 'zod';
import { emailSchema, passwordSchema } from './auth.schemas';
import { type Role, roleSchema } from './roles';

export const userStatuses = ['active', 'disabled', 'removed'] as const;
export const userStatusSchema = z.enum(userStatuses);
export type UserStatus = z.infer<typeof userStatusSchema>;

const nameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, { error: 'Name is required' })
  .max(200, { error: 'Name must be at most 200 characters' });

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  /** The version the edit was made from; a stale version is refused. */
  version: z.int({ error: 'Version is required' }).positive(),
  name: nameSchema.optional(),
  email: emailSchema.optional(),
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled'], { error: 'Status must be active or disabled' }).optional(),
  password: passwordSchema.optional(),
  /** Clears the person's 2-step verification so they enrol again at next sign-in. */
  resetTwoFactor: z.literal(true).optional(),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

/** Query string of DELETE /api/users/:id. */
export const removeUserSchema = z.strictObject({
  version: z.coerce.number({ error: 'version must be a number' }).int().positive(),
});

export const userIdParamSchema = z.strictObject({ id: z.uuid({ error: 'Not a valid person id' }) });

export const listUsersQuerySchema = z.strictObject({
  status: userStatusSchema.optional(),
  role: roleSchema.optional(),
});

export interface UserView {
  id: string;
  email: string | null;
  name: string | null;
  role: Role;
  status: UserStatus;
  twoFactorEnabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
  version: number;
}
