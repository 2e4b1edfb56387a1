import {
  type AddContactInput,
  addContactSchema,
  type ComplaintView,
  type ContactView,
  contactChannels,
  contactDirections,
} from '@docket/shared/complaints.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { localToIso, nowLocal } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useAddContact } from '../api/add-contact';
import { contactChannelLabels, contactDirectionLabels } from '../labels';
import { ComplaintMutationError } from './complaint-mutation-error';

interface ContactValues {
  occurredAt: string;
  direction: ContactView['direction'];
  channel: ContactView['channel'] | '';
  summary: string;
}

const resolver = mappedResolver(
  addContactSchema,
  (values: ContactValues): AddContactInput => ({
    occurredAt: localToIso(values.occurredAt),
    direction: values.direction,
    channel: values.channel as ContactView['channel'],
    summary: values.summary,
  }),
);

function AddContactForm({ complaint, onReload }: { complaint: ComplaintView; onReload: () => void }) {
  const addContact = useAddContact(complaint.id);
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ContactValues, unknown, z.output<typeof addContactSchema>>({
    resolver,
    defaultValues: { occurredAt: nowLocal(), direction: 'out', channel: '', summary: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await addContact.mutateAsync(values);
      reset({ occurredAt: nowLocal(), direction: values.direction, channel: values.channel, summary: '' });
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['occurredAt', 'direction', 'channel', 'summary']));
    }
  });

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Log a contact">
      <h3>Log a contact</h3>
      <ComplaintMutationError
        error={addContact.error}
        shownFields={placed}
        onReload={() => {
          addContact.reset();
          onReload();
        }}
      />
      <div className="form-grid">
        <TextField label="When" type="datetime-local" error={errors.occurredAt?.message} {...register('occurredAt')} />
        <SelectField label="Direction" error={errors.direction?.message} {...register('direction')}>
          {contactDirections.map((direction) => (
            <option key={direction} value={direction}>
              {contactDirectionLabels[direction]}
            </option>
          ))}
        </SelectField>
        <SelectField label="How" error={errors.channel?.message} {...register('channel')}>
          <option value="" disabled>
            Choose…
          </option>
          {contactChannels.map((channel) => (
            <option key={channel} value={channel}>
              {contactChannelLabels[channel]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="What was said"
        rows={3}
        hint="The first contact to the complainant meets the first-contact deadline."
        error={errors.summary?.message}
        {...register('summary')}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add contact'}
        </button>
      </div>
    </form>
  );
}

interface ContactsSectionProps {
  complaint: ComplaintView;
  canWrite: boolean;
  onReload: () => void;
}

/** Every contact with the complainant, oldest first, as a log that only grows. */
export function ContactsSection({ complaint, canWrite, onReload }: ContactsSectionProps) {
  const contacts = [...complaint.contacts].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const canAdd = canWrite && complaint.status !== 'closed' && !complaint.personalDataErasedAt;
  return (
    <section className="panel stack" aria-labelledby="complaint-contacts">
      <h2 id="complaint-contacts">Contact log</h2>
      {contacts.length === 0 ? (
        <p className="muted">No contact with the complainant yet.</p>
      ) : (
        <ol className="entries">
          {contacts.map((contact) => (
            <li key={contact.id} className="entry">
              <p className="entry-meta">
                <span className={`badge ${contact.direction === 'out' ? 'badge-accent' : 'badge-neutral'}`}>
                  {contactDirectionLabels[contact.direction]}
                </span>{' '}
                {contactChannelLabels[contact.channel]} ·{' '}
                <time dateTime={contact.occurredAt}>{formatDateTime(contact.occurredAt)}</time>
              </p>
              {contact.summary !== undefined ? <p className="pre-line">{contact.summary}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {canAdd ? <AddContactForm complaint={complaint} onReload={onReload} /> : null}
    </section>
  );
}
