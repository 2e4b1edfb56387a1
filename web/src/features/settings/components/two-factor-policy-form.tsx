import { roleLabels, roles } from '@docket/shared/roles';
import { type SettingsView, updateSettingsSchema } from '@docket/shared/settings.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { VersionConflictAlert } from '../../../components/version-conflict-alert';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useUpdateSettings } from '../api/update-settings';

interface TwoFactorPolicyFormProps {
  settings: SettingsView;
  canManage: boolean;
  onSaved: () => void;
  onReload: () => void;
}

/** Which roles must use 2-step verification. Remount with a new key when the settings version changes. */
export function TwoFactorPolicyForm({ settings, canManage, onSaved, onReload }: TwoFactorPolicyFormProps) {
  const updateSettings = useUpdateSettings();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, isDirty },
  } = useForm({
    resolver: zodResolver(updateSettingsSchema),
    defaultValues: { version: settings.version, requireTwoFactorFor: settings.requireTwoFactorFor },
  });

  const onSubmit = handleSubmit(async (values) => {
    try {
      await updateSettings.mutateAsync(values);
      onSaved();
    } catch {
      // Shown by the alerts below.
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {isApiError(updateSettings.error, 'version_conflict') ? (
        <VersionConflictAlert subject="these settings" onReload={onReload} />
      ) : (
        <ErrorAlert error={updateSettings.error} />
      )}
      <fieldset className="fieldset" disabled={!canManage}>
        <legend>Require 2-step verification for</legend>
        <div className="checkbox-group">
          {roles.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" value={role} {...register('requireTwoFactorFor')} />
              {roleLabels[role]}
            </label>
          ))}
        </div>
        {errors.requireTwoFactorFor?.message ? (
          <p className="field-error">{errors.requireTwoFactorFor.message}</p>
        ) : null}
        <p className="field-hint">
          People in these roles set up 2-step verification at their next sign-in and cannot turn it off.
        </p>
      </fieldset>
      <div className="actions">
        {canManage ? (
          <button type="submit" className="button button-primary" disabled={isSubmitting || !isDirty}>
            {isSubmitting ? 'Saving…' : 'Save policy'}
          </button>
        ) : null}
        <span className="muted small">Last changed {formatDateTime(settings.updatedAt)}</span>
      </div>
    </form>
  );
}
