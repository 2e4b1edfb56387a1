import { z } from 'zod';
import { roleSchema } from './roles';

export const emailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .max(254, { error: 'Email is too long' })
  .pipe(z.email({ error: 'Enter a valid email address' }))
  .transform((value) => value.toLowerCase());

export const passwordSchema = z
  .string({ error: 'Password is required' })
  .min(12, { error: 'Password must be at least 12 characters' })
  .max(256, { error: 'Password must be at most 256 characters' });

export const signInSchema = z.strictObject({
  email: emailSchema,
  // Sign-in does not enforce the length rules: an old password must still be checkable.
  password: z
    .string({ error: 'Password is required' })
    .min(1, { error: 'Password is required' })
    .max(256, { error: 'Password is too long' }),
});
export type SignInInput = z.input<typeof signInSchema>;

export const totpCodeSchema = z
  .string({ error: 'Code is required' })
  .trim()
  .regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your authenticator app' });

export const recoveryCodeSchema = z
  .string({ error: 'Recovery code is required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z2-7]{4}-?[A-Z2-7]{4}-?[A-Z2-7]{4}-?[A-Z2-7]{4}$/, {
    error: 'Enter a recovery code like ABCD-EFGH-IJKL-MNOP',
  })
  .transform((value) => value.replaceAll('-', ''));

export const verifySecondStepSchema = z.union([
  z.strictObject({ code: totpCodeSchema }),
  z.strictObject({ recoveryCode: recoveryCodeSchema }),
]);
export type VerifySecondStepInput = z.input<typeof verifySecondStepSchema>;

export const confirmEnrollmentSchema = z.strictObject({ code: totpCodeSchema });
export const disableTwoFactorSchema = z.strictObject({ code: totpCodeSchema });
export const regenerateRecoveryCodesSchema = z.strictObject({ code: totpCodeSchema });

export const changePasswordSchema = z.strictObject({
  currentPassword: z
    .string({ error: 'Current password is required' })
    .min(1, { error: 'Current password is required' })
    .max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** What comes after the password: nothing, the code, or enrolling in 2-step verification first. */
export const signInNextSchema = z.enum(['done', 'verify', 'enroll']);
export type SignInNext = z.infer<typeof signInNextSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  twoFactorEnabled: z.boolean(),
  /** The session has passed the second step (or none is needed). */
  fullySignedIn: z.boolean(),
  next: signInNextSchema,
});
export type Me = z.infer<typeof meSchema>;

export const sessionIdParamSchema = z.strictObject({ id: z.uuid({ error: 'Not a valid session id' }) });

export interface SessionView {
  id: string;
  current: boolean;
  createdAt: string;
  lastActiveAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface EnrollmentStart {
  secret: string;
  uri: string;
  qrSvg: string;
}
