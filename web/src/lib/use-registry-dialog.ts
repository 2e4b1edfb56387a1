import { useState } from 'react';

type OpenDialog<T> = { kind: 'create' } | { kind: 'edit'; item: T } | null;

/** The add/edit dialog and the notice after saving, shared by the agency and regulator registries. */
export function useRegistryDialog<T extends { name: string }>() {
  const [dialog, setDialog] = useState<OpenDialog<T>>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);
  return {
    notice,
    creating: dialog?.kind === 'create',
    editing: dialog?.kind === 'edit' ? dialog.item : null,
    close,
    openCreate: () => setDialog({ kind: 'create' }),
    openEdit: (item: T) => {
      setNotice(null);
      setDialog({ kind: 'edit', item });
    },
    onAdded: (item: T) => {
      close();
      setNotice(`${item.name} has been added.`);
    },
    onChanged: (item: T) => {
      close();
      setNotice(`Changes to ${item.name} have been saved.`);
    },
  };
}
