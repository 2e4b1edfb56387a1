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

/**
 * Standard output, written asynchronously: lines logged in the same turn of the event loop go out in
 * one write instead of one blocking write each (a request line per request adds up under load). Flush
 * it before exiting (flushLogger).
 */
export function stdoutDestination(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}

/** Writes out whatever the logger still holds. */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
