/** App-wide conditions the layout must show whichever screen is open. */
export type AppCondition = 'database-closed' | 'upgrade-blocked' | 'chunk-missing-offline';

type Listener = (conditions: ReadonlySet<AppCondition>) => void;
const active = new Set<AppCondition>();
const listeners = new Set<Listener>();

export function raiseCondition(condition: AppCondition): void {
  active.add(condition);
  for (const listener of listeners) listener(new Set(active));
}

export function clearCondition(condition: AppCondition): void {
  if (!active.delete(condition)) return;
  for (const listener of listeners) listener(new Set(active));
}

export function subscribeConditions(listener: Listener): () => void {
  listeners.add(listener);
  listener(new Set(active));
  return () => listeners.delete(listener);
}

/** Sent on `window` when this device starts or stops using a team server, so the header can show its status. */
export const TEAM_SERVER_CHANGED_EVENT = 'loopcard-team-server';
