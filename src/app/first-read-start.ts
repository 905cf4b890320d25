import { readFirstScreen, type FirstScreenData, type FirstScreenReadOptions } from '../data/first-screen-read';
import type { FirstRead } from '../lib/repositories-context';

/** The first read as started, before any of the app's modules run: index.html's inline script starts it. */
export type StartedFirstRead = FirstRead & {
  /** The app's own database connection has opened: the first read's connection lets go. */
  readonly release: () => void;
  /** Settles when another tab upgraded the database while only the first read's connection was open. */
  readonly versionChanged: Promise<void>;
  /** The list as this device last drew it is on screen (src/lib/first-paint-snapshot.ts) until React draws its own. */
  readonly snapshotShown: boolean;
};

declare global {
  /** Set by index.html's inline script (built from first-read-inline.ts); absent on the dev server and in tests. */
  var __loopcardFirstRead: StartedFirstRead | undefined;
}

/** The screens that show the first read: the roles list. Other screens read through the repositories. */
const FIRST_SCREEN_PATHS = ['/', '/roles'];

/**
 * Starts reading what the roles list shows straight from IndexedDB. Until the app's own connection
 * opens (`release`), this one hears of an upgrade in another tab (`versionChanged`). On any other
 * screen it answers null at once: the repositories load at once.
 */
export function startFirstRead(
  pathname: string,
  where: Pick<FirstScreenReadOptions, 'name' | 'now'> = {},
  /** Puts the list as last drawn on screen, if there is one to show; true when it does. */
  showSnapshot: () => boolean = () => false,
): StartedFirstRead {
  let release: () => void = () => undefined;
  const appConnectionOpen = new Promise<void>((resolve) => (release = resolve));
  let versionChange: () => void = () => undefined;
  const versionChanged = new Promise<void>((resolve) => (versionChange = resolve));
  const firstScreen = FIRST_SCREEN_PATHS.includes(pathname);
  const promise: Promise<FirstScreenData | null> = firstScreen
    ? readFirstScreen({ ...where, holdUntil: appConnectionOpen, onVersionChange: versionChange })
    : Promise.resolve(null);
  const started: StartedFirstRead = { promise, settled: undefined, release, versionChanged, snapshotShown: firstScreen && showSnapshot() };
  void promise.then((value) => (started.settled = { value }));
  return started;
}
