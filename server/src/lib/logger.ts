import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Bodies are never logged; the redaction list is a second line of defence
 * against a secret or a complainant's personal data slipping into a log object.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'docket' },
      redact: {
        paths: [
          'password',
          '*.password',
          'newPassword',
          '*.newPassword',
          'currentPassword',
          '*.currentPassword',
          'token',
          '*.token',
          'code',
          '*.code',
          'recoveryCode',
          '*.recoveryCode',
          'secret',
          '*.secret',
          'email',
          '*.email',
          'cookie',
          '*.cookie',
          'headers.cookie',
          'headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
