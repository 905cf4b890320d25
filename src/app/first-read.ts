import { startFirstRead } from './first-read-start';
import type { FirstRead } from '../lib/repositories-context';
import { raiseCondition } from '../lib/app-events';

/**
 * What the roles list shows, read straight from IndexedDB: started by index.html's inline script
 * in the built app (or here, first of main.tsx's imports, on the dev server). When the answer is
 * in before the first render, the list paints with it at once.
 */
const started = globalThis.__loopcardFirstRead ?? startFirstRead(window.location.pathname);

void started.versionChanged.then(() => raiseCondition('database-closed'));

export const firstScreenRead: FirstRead = started;

/** The list as this device last drew it is on screen until React draws its own. */
export const snapshotShown: boolean = started.snapshotShown;

/** The app's own database connection has opened: the first read's connection lets go. */
export const releaseFirstRead: () => void = started.release;
