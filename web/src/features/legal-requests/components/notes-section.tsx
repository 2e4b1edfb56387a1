import { addNoteSchema, type LegalRequestView, type NoteView } from '@docket/shared/legal-requests.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { SelectField, TextAreaField } from '../../../components/text-field';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useAddNote } from '../api/add-note';
import { CaseMutationError } from './case-mutation-error';

const noteKindLabels: Record<NoteView['kind'], string> = { scope: 'Scope note', review: 'Review note' };

function AddNoteForm({ request, onReload }: { request: LegalRequestView; onReload: () => void }) {
  const addNote = useAddNote(request.id);
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(addNoteSchema),
    defaultValues: { kind: 'scope' as const, body: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await addNote.mutateAsync(values);
      reset({ kind: values.kind, body: '' });
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['kind', 'body']));
    }
  });

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Add a note">
      <h3>Add a note</h3>
      <CaseMutationError
        error={addNote.error}
        shownFields={placed}
        onReload={() => {
          addNote.reset();
          onReload();
        }}
      />
      <SelectField label="Kind of note" error={errors.kind?.message} {...register('kind')}>
        <option value="scope">{noteKindLabels.scope}: what exactly is in scope</option>
        <option value="review">{noteKindLabels.review}: analysis and reasoning</option>
      </SelectField>
      <TextAreaField label="Note" rows={3} error={errors.body?.message} {...register('body')} />
      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}

export function NotesSection({ request, onReload }: { request: LegalRequestView; onReload: () => void }) {
  return (
    <section className="panel stack" aria-labelledby="case-notes">
      <h2 id="case-notes">Notes</h2>
      {request.notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ul className="entries">
          {request.notes.map((note) => (
            <li key={note.id} className="entry">
              <p className="entry-meta">
                <span className={`badge ${note.kind === 'scope' ? 'badge-accent' : 'badge-neutral'}`}>
                  {noteKindLabels[note.kind]}
                </span>{' '}
                {note.authorName ?? 'Removed person'} ·{' '}
                <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
              </p>
              <p className="pre-line">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      <AddNoteForm request={request} onReload={onReload} />
    </section>
  );
}
