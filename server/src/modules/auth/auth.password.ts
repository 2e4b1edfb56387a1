import { hash, verify } from '@node-rs/argon2';

// Argon2id, m=19456 KiB, t=2, p=1: OWASP's recommended minimum.
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password, options);
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email answers no faster than a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('docket-dummy-password-for-timing');
  await verify(await dummyHash, password, options);
  return false;
}
