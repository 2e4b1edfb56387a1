import type { Me } from '@docket/shared/auth.schemas';
import type { AssignablePerson } from '../api/get-assignable-people';

interface AssigneeOptionsProps {
  me: Me;
  /** Everyone who may hold a request; undefined while the list loads. */
  people: AssignablePerson[] | undefined;
  /** The current holder, kept selectable even when the list cannot show them. */
  current?: { id: string; name: string | null } | null | undefined;
}

export function AssigneeOptions({ me, people, current }: AssigneeOptionsProps) {
  const listed = new Map<string, string>();
  listed.set(me.id, `${me.name} (me)`);
  for (const person of people ?? []) if (!listed.has(person.id)) listed.set(person.id, person.name);
  if (current && !listed.has(current.id)) listed.set(current.id, current.name ?? 'Removed person');
  return (
    <>
      <option value="">Unassigned</option>
      {[...listed].map(([id, name]) => (
        <option key={id} value={id}>
          {name}
        </option>
      ))}
    </>
  );
}
