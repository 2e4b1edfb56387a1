import { createCategorySchema } from '@docket/shared/complaints.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';
import { applyServerIssues } from '../../../lib/form-errors';
import { useCreateComplaintCategory } from '../api/create-complaint-category';
import { useComplaintCategories } from '../api/get-complaint-categories';

function AddCategoryForm() {
  const create = useCreateComplaintCategory();
  const [placed, setPlaced] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(createCategorySchema), defaultValues: { code: '', label: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    setAdded(null);
    try {
      const category = await create.mutateAsync(values);
      setAdded(`${category.label} has been added.`);
      reset();
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['code', 'label']));
    }
  });

  return (
    <form className="stack-sm subpanel" onSubmit={onSubmit} noValidate aria-label="Add a category">
      <h3>Add a category</h3>
      <ErrorAlert error={create.error} shownFields={placed} />
      {added ? (
        <p className="alert alert-success" role="status">
          {added}
        </p>
      ) : null}
      <div className="form-grid">
        <TextField
          label="Code"
          autoComplete="off"
          hint="Lower-case letters, digits and _, such as profiling. It cannot change later."
          error={errors.code?.message}
          {...register('code')}
        />
        <TextField label="Label" autoComplete="off" error={errors.label?.message} {...register('label')} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add category'}
        </button>
      </div>
    </form>
  );
}

/** The categories complaints are filed under, and (for admins) a way to add one. */
export function CategoriesSection({ canManage }: { canManage: boolean }) {
  const categories = useComplaintCategories();
  return (
    <section className="panel stack" aria-labelledby="complaint-categories">
      <h2 id="complaint-categories">Complaint categories</h2>
      {categories.isPending ? <p aria-busy="true">Loading categories…</p> : null}
      {categories.isError ? <ErrorAlert error={categories.error} /> : null}
      {categories.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Complaint categories</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Code</th>
              </tr>
            </thead>
            <tbody>
              {categories.data.map((category) => (
                <tr key={category.code}>
                  <th scope="row">{category.label}</th>
                  <td>
                    <code>{category.code}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canManage ? <AddCategoryForm /> : null}
    </section>
  );
}
