import { readFirstScreen } from '../data/first-screen-read';
import type { FirstRead } from '../lib/repositories-context';
import { raiseCondition } from '../lib/app-events';

let letGo: () => void = () => undefined;
const appConnectionOpen = new Promise<void>((resolve) => (letGo = resolve));

/** The app's own database connection has opened: the first read's connection lets go. */
export function releaseFirstRead(): void {
  letGo();
}

function startFirstRead(): FirstRead {
  // Other screens read through the repositories (null here: those load at once). Until the app's
  // own connection opens, this one hears of an upgrade in another tab and says so.
  const promise = ['/', '/roles'].includes(window.location.pathname)
    ? readFirstScreen({ holdUntil: appConnectionOpen, onVersionChange: () => raiseCondition('database-closed') })
    : Promise.resolve(null);
  const read: FirstRead = { promise, settled: undefined };
  void promise.then((value) => (read.settled = { value }));
  return read;
}

/**
 * What the roles list shows, read straight from IndexedDB from the moment this module runs:
 * main.tsx imports it first, so the database answers while the rest of the code is evaluated.
 * When the answer is in before the first render, the list paints with it at once.
 */
export const firstScreenRead: FirstRead = startFirstRead();
