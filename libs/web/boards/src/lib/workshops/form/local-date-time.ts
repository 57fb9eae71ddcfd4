/**
 * Date and time inputs hold local wall-clock values (`2026-03-12`, `09:30`); the API speaks
 * ISO instants. These convert between the two in the browser's own time zone.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `{ date: 'YYYY-MM-DD', time: 'HH:mm' }` of an ISO instant in local time; empty strings for an invalid one. */
export function toLocalParts(iso: string): { date: string; time: string } {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return { date: '', time: '' };
  return {
    date: `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`,
    time: `${pad(value.getHours())}:${pad(value.getMinutes())}`,
  };
}

/** The ISO instant of a local date and time, or null when either is missing or malformed. */
export function fromLocalParts(date: string, time: string): string | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})/.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const [, year, month, day] = dateMatch.map(Number);
  const [, hours, minutes] = timeMatch.map(Number);
  const value = new Date(year, month - 1, day, hours, minutes);
  // new Date rolls 2026-02-31 over into March: treat such dates as malformed.
  if (value.getMonth() !== month - 1 || value.getDate() !== day) return null;
  return value.toISOString();
}
