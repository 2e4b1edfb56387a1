import { createCipheriv, createDecipheriv, hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of the UTF-8 text, lower-case hex. Node's native one-shot hash: every request hashes its session token. */
export function sha256Hex(value: string): string {
  return hash('sha256', value, 'hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** AES-256-GCM with a fresh 96-bit nonce per value: `v1.<nonce>.<ciphertext+tag>`, base64url. */
export function encryptSecret(key: Buffer, plaintext: Uint8Array): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `v1.${nonce.toString('base64url')}.${body.toString('base64url')}`;
}

export function decryptSecret(key: Buffer, sealed: string): Uint8Array {
  const [version, nonceText, bodyText] = sealed.split('.');
  if (version !== 'v1' || !nonceText || !bodyText) throw new Error('Unrecognised encrypted value');
  const body = Buffer.from(bodyText, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceText, 'base64url'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return new Uint8Array(Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]));
}
