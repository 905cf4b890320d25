import { wallClockOf } from '../domain/wall-clock';
/** Today's date on this device as `YYYY-MM-DD`, for date inputs. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatDate(iso: string): string {
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(local: string): string {
  return new Date(local).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export type MomentFormat = { locale?: string | undefined; timeZone?: string | undefined };

/**
 * A moment (an ISO timestamp) as a date and clock time in the device's locale and time zone, with
 * the zone named, for readers elsewhere: "2 Nov 2026, 10:00 CET". Locale and zone may be given.
 */
export function formatMoment(iso: string, { locale, timeZone }: MomentFormat = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/**
 * A wall-clock time as typed in a room (`YYYY-MM-DDTHH:mm`, no zone) as a date and clock time in
 * the locale: the same figures wherever it is read, so no zone is named.
 */
export function formatWallClock(local: string, { locale }: MomentFormat = {}): string {
  const t = wallClockOf(local);
  if (!t) return local;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute)));
}
