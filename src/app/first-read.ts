import { readFirstScreen, type FirstScreenData } from '../data/first-screen-read';

/**
 * What the roles list shows, read straight from IndexedDB from the moment this module runs:
 * main.tsx imports it first, so the database answers while the rest of the code is evaluated and
 * the list paints without waiting for the database code. Other screens read through the
 * repositories (null here: they load at once).
 */
export const firstScreenRead: Promise<FirstScreenData | null> = ['/', '/roles'].includes(window.location.pathname) ? readFirstScreen() : Promise.resolve(null);
