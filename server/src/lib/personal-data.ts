import { createHmac, hkdfSync } from 'node:crypto';
import { decryptSecret, encryptSecret } from './crypto';

/**
 * Complainants' personal data at rest: each value sealed with AES-256-GCM under its own fresh nonce
 * (a changed byte fails to open, it never decrypts to garbage), and emails findable through a keyed
 * hash rather than stored in clear.
 */
export interface PersonalDataCipher {
  seal(value: string | null | undefined): string | null;
  open(sealed: string | null): string | null;
  emailIndex(email: string | null | undefined): string | null;
}

const subkey = (key: Buffer, purpose: string) =>
  Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `docket:${purpose}`, 32));

/** One cipher per server key: deriving the subkeys is the costly part, and every complaint read needs them. */
const ciphers = new WeakMap<Buffer, PersonalDataCipher>();

export function personalDataCipher(secretKey: Buffer): PersonalDataCipher {
  let cipher = ciphers.get(secretKey);
  if (!cipher) {
    cipher = makeCipher(secretKey);
    ciphers.set(secretKey, cipher);
  }
  return cipher;
}

function makeCipher(secretKey: Buffer): PersonalDataCipher {
  const sealKey = subkey(secretKey, 'personal-data');
  const indexKey = subkey(secretKey, 'email-index');
  return {
    seal: (value) =>
      value === null || value === undefined || value === ''
        ? null
        : encryptSecret(sealKey, new TextEncoder().encode(value)),
    open: (sealed) =>
      sealed === null ? null : new TextDecoder('utf-8', { fatal: true }).decode(decryptSecret(sealKey, sealed)),
    emailIndex: (email) =>
      email ? createHmac('sha256', indexKey).update(email.trim().toLowerCase()).digest('hex') : null,
  };
}
