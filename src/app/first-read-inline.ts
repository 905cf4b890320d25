// Built into index.html as an inline script (vite.config.ts), so it runs while the HTML is parsed:
// the database answers while the app's code is still being fetched, and the first render has it.
// The list as this device last drew it, when still current, is on screen before that.
import { startFirstRead } from './first-read-start';
import { showSnapshotWhenParsed } from '../lib/first-paint-snapshot';

globalThis.__loopcardFirstRead = startFirstRead(window.location.pathname, {}, () => showSnapshotWhenParsed(document, () => window.localStorage, new Date()));
