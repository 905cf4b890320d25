/** App-wide conditions the layout must show whichever screen is open. */
export type AppCondition = 'database-closed' | 'upgrade-blocked' | 'chunk-missing-offline';

type Listener = () => void;
/** The conditions in force: a new set on every change, so a render can compare by identity. */
let active: ReadonlySet<AppCondition> = new Set();
const listeners = new Set<Listener>();

function setConditions(next: ReadonlySet<AppCondition>): void {
  active = next;
  for (const listener of listeners) listener();
}

export function raiseCondition(condition: AppCondition): void {
  if (!active.has(condition)) setConditions(new Set([...active, condition]));
}

export function clearCondition(condition: AppCondition): void {
  if (active.has(condition)) setConditions(new Set([...active].filter((c) => c !== condition)));
}

/** The conditions in force now (the same set until one is raised or cleared). */
export function currentConditions(): ReadonlySet<AppCondition> {
  return active;
}

/** Calls back after every change (for useSyncExternalStore, with `currentConditions`). */
export function subscribeConditions(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sent on `window` when this device starts or stops using a team server, so the header can show its status. */
export const TEAM_SERVER_CHANGED_EVENT = 'loopcard-team-server';
