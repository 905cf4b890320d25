/** A planned wall-clock time as typed (`YYYY-MM-DDTHH:mm`, no zone). Its own module: dates are shown on the first screen. */
export const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

/** A planned wall-clock time (`YYYY-MM-DDTHH:mm`, no zone) in its parts; null when empty or not one. */
export function wallClockOf(plannedAt: string): WallClock | null {
  const m = LOCAL_DATETIME.exec(plannedAt);
  if (!m) return null;
  const [year, month, day] = (m[1] ?? '').split('-').map(Number) as [number, number, number];
  return { year, month, day, hour: Number(m[2]), minute: Number(m[3]) };
}
