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

/** How long a log line may wait for others to be written with. */
export const LOG_FLUSH_MS = 1000;

/**
 * Standard output, written asynchronously and in batches: lines wait until 4 KiB of them are there, or
 * LOG_FLUSH_MS at most, and go out in one write (a write per request line costs every request a system
 * call and a hand-over to a worker thread). Lines still waiting are written out when the process exits,
 * uncaught exceptions included (pino's exit hook), and by flushLogger; a process killed outright (SIGKILL)
 * loses at most the last second of lines. The audit trail is in the database, not in these logs.
 */
export function stdoutDestination(): pino.DestinationStream {
  return batchedDestination(1);
}

/** A file descriptor or path written as stdoutDestination writes standard output. */
export function batchedDestination(dest: number | string): pino.DestinationStream {
  const destination = pino.destination({ dest, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), LOG_FLUSH_MS).unref();
  return destination;
}

/** Writes out whatever the logger still holds. */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
