import {
  type LegalRequestStatus,
  type LegalRequestView,
  type TransitionInput,
  transitionSchema,
  transitionsNeedingReason,
} from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Dialog } from '../../../components/dialog';
import { TextAreaField } from '../../../components/text-field';
import { applyServerIssues } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useLatest } from '../../../lib/use-latest';
import { useLegalRequestSaving } from '../api/get-legal-request';
import { useTransitionLegalRequest } from '../api/transition-legal-request';
import { CaseMutationError } from './case-mutation-error';

/** Moves that carry a record of their own are made from their sections (pushback, decision, response). */
const dedicated = new Set<LegalRequestStatus>(['pushback', 'decided', 'responded']);

interface Move {
  to: LegalRequestStatus;
  label: string;
  confirm: string;
  needsReason: boolean;
  danger: boolean;
}

export function simpleMoves(request: LegalRequestView): Move[] {
  return (
    request.allowedTransitions
      .filter((to) => !dedicated.has(to))
      // Leaving pushback for review happens by recording the requester's reply.
      .filter((to) => !(request.status === 'pushback' && to === 'in_review'))
      .map((to) => {
        const needsReason = transitionsNeedingReason.includes(`${request.status}->${to}`);
        const reopen = to === 'in_review' && request.status === 'decided';
        const words: Partial<Record<LegalRequestStatus, [string, string]>> = {
          in_review: reopen ? ['Reopen', 'Reopen for review'] : ['Start review', 'Start review'],
          withdrawn: ['Withdraw', 'Mark as withdrawn'],
          rejected: ['Reject', 'Reject the request'],
          closed: ['Close', 'Close the request'],
        };
        const [label, confirm] = words[to] ?? [to, to];
        return {
          to,
          label: needsReason ? `${label}…` : label,
          confirm,
          needsReason,
          danger: to === 'rejected' || to === 'withdrawn',
        };
      })
  );
}

interface ReasonValues {
  reason: string;
}

function ReasonForm({
  request,
  move,
  onDone,
  onCancel,
  onReload,
}: {
  request: LegalRequestView;
  move: Move;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const transition = useTransitionLegalRequest(request.id);
  const version = useLatest(request.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(
      transitionSchema.refine((value) => !!value.reason, { path: ['reason'], error: 'Say why' }),
      (values: ReasonValues): TransitionInput => ({ version: version.current, to: move.to, reason: values.reason }),
    ),
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReasonValues, unknown, z.output<typeof transitionSchema>>({ resolver, defaultValues: { reason: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await transition.mutateAsync(values);
      onDone();
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['reason']));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <CaseMutationError
        error={transition.error}
        shownFields={placed}
        onReload={() => {
          transition.reset();
          onCancel();
          onReload();
        }}
      />
      <TextAreaField label="Reason" rows={4} error={errors.reason?.message} {...register('reason')} />
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className={`button ${move.danger ? 'button-danger' : 'button-primary'}`}
          disabled={isSubmitting}
        >
          {move.confirm}
        </button>
      </div>
    </form>
  );
}

interface CaseActionsProps {
  request: LegalRequestView;
  onReload: () => void;
}

/**
 * The workflow moves that need no record beyond an optional reason. They wait while any change to the
 * request is on its way (a notice decision just saved, say): a move sent meanwhile would carry the version
 * from before that change and be refused as a conflict with the person's own edit.
 */
export function CaseActions({ request, onReload }: CaseActionsProps) {
  const transition = useTransitionLegalRequest(request.id);
  const saving = useLegalRequestSaving(request.id);
  const [asking, setAsking] = useState<Move | null>(null);
  const moves = simpleMoves(request);
  if (moves.length === 0) return null;

  return (
    <section className="action-bar" aria-label="Actions">
      <div className="actions">
        {moves.map((move) => (
          <button
            key={move.to}
            type="button"
            className={`button ${move.danger ? 'button-danger-outline' : move.to === 'closed' || move.to === 'in_review' ? 'button-primary' : ''}`}
            disabled={saving}
            onClick={() => {
              transition.reset();
              if (move.needsReason) setAsking(move);
              else transition.mutate({ version: request.version, to: move.to });
            }}
          >
            {move.label}
          </button>
        ))}
      </div>
      <CaseMutationError
        error={transition.error}
        onReload={() => {
          transition.reset();
          onReload();
        }}
      />
      <Dialog title={asking?.confirm ?? ''} open={asking !== null} onClose={() => setAsking(null)}>
        {asking ? (
          <ReasonForm
            request={request}
            move={asking}
            onDone={() => setAsking(null)}
            onCancel={() => setAsking(null)}
            onReload={onReload}
          />
        ) : null}
      </Dialog>
    </section>
  );
}
