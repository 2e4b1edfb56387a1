/** The header over a table's per-row buttons: named for screen readers only. */
export function ActionsColumnHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}

/** A row's lone Edit button, named after the row so each is distinct to assistive technology. */
export function EditRowCell({ name, onEdit }: { name: string; onEdit: () => void }) {
  return (
    <td className="cell-actions">
      <button type="button" className="button button-small" aria-label={`Edit ${name}`} onClick={onEdit}>
        Edit
      </button>
    </td>
  );
}
