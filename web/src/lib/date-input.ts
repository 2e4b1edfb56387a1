/** `<input type="datetime-local">` speaks local wall-clock time without a zone; the API speaks ISO 8601 in UTC. */

/** Local "2026-03-01T09:00" → "2026-03-01T08:00:00.000Z"; anything unparseable is passed on for the schema to refuse. */
export function localToIso(value: string): string {
  if (!value) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An ISO instant → the value a datetime-local input shows for it in this browser's zone. */
export function isoToLocal(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function nowLocal(): string {
  return isoToLocal(new Date().toISOString());
}

/** Empty optional inputs mean "not given". */
export function emptyToNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}
