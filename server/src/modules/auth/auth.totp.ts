import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import QRCode from 'qrcode';
import { safeEqual, sha256Hex } from '../../lib/crypto';

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side, for clocks that drift a little. */
const DRIFT_STEPS = 1;

export function newTotpKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(20));
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The time step the code belongs to, or null if it matches none near now. */
export function matchTotpStep(key: Uint8Array, code: string, now: Date): number | null {
  const current = totpStep(now);
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    if (safeEqual(generateHOTP(key, BigInt(step), DIGITS), code)) return step;
  }
  return null;
}

export async function enrollmentDetails(key: Uint8Array, accountName: string) {
  const uri = createTOTPKeyURI('Docket', accountName, key, TOTP_PERIOD_SECONDS, DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret: encodeBase32UpperCaseNoPadding(key), uri, qrSvg };
}

export const RECOVERY_CODE_COUNT = 10;

/** 80 random bits each, shown once as XXXX-XXXX-XXXX-XXXX; only their SHA-256 is kept. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes: string[] = [];
  for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
    const raw = encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
    codes.push(raw.match(/.{4}/g)?.join('-') ?? raw);
  }
  return { codes, hashes: codes.map((code) => hashRecoveryCode(code)) };
}

export function hashRecoveryCode(code: string): string {
  return sha256Hex(code.replaceAll('-', '').toUpperCase());
}
