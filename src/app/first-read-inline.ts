// Built into index.html as an inline script (vite.config.ts), so it runs while the HTML is parsed:
// the database answers while the app's code is still being fetched, and the first render has it.
import { startFirstRead } from './first-read-start';

globalThis.__loopcardFirstRead = startFirstRead(window.location.pathname);
