import { casePath, type NotificationEntityType } from '@docket/shared/notifications.schemas';
import { createTransport } from 'nodemailer';
import { defaultMailFrom } from '../../lib/env';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * A failed send. `permanent`: the server refused this message for good (5xx), trying again is pointless.
 * `transport`: no SMTP answer at all (refused connection, timeout, TLS, login): the next messages
 * would fail the same way, so the sender stops until the next run.
 */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly transport: boolean,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

interface MailConfig {
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
  publicOrigin: string;
}

/** An SMTP mailer (nodemailer) when DOCKET_SMTP_URL is set; null means reminders stay in the app. */
export function createMailer(config: MailConfig): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = createTransport({
    url: config.smtpUrl,
    // Short waits: an unreachable server should cost a run seconds, not minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const from = config.mailFrom ?? defaultMailFrom(config.publicOrigin);
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          // RFC 3834: automatic mail; out-of-office replies should not answer it.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (err) {
        const e = err as { message?: string; code?: string; responseCode?: number; permanent?: boolean };
        const answered = typeof e.responseCode === 'number';
        // The message names the step that failed; it never carries the URL's credentials.
        throw new MailError(
          `${e.code ?? 'EMAIL'}${answered ? ` ${e.responseCode}` : ''}: ${e.message ?? 'sending failed'}`,
          answered && e.permanent === true,
          !answered,
        );
      }
    },
    close() {
      transport.close();
    },
  };
}

export interface ReminderMailInput {
  entity_type: string;
  entity_id: string;
  due_at: Date;
  title: string;
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The reminder as an email: the case reference and clock label (the title), the due time and a link.
 * Nothing else from the case: no complainant, no identifiers, no summary.
 */
export function reminderMail(to: string, n: ReminderMailInput, publicOrigin: string): MailMessage {
  const link = `${publicOrigin}${casePath(n.entity_type as NotificationEntityType, n.entity_id)}`;
  return {
    to,
    subject: `[Docket] ${n.title}`,
    text: [
      n.title,
      '',
      `Due: ${utc(n.due_at)}`,
      `Open the case: ${link}`,
      '',
      'You get this reminder once. Your notifications in Docket list it too.',
    ].join('\n'),
  };
}
