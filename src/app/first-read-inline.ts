// Built into index.html as an inline script (vite.config.ts), so it runs while the HTML is parsed:
// the database answers while the app's code is still being fetched, and the first render has it.
import { startFirstRead } from './first-read-start';

const started = (globalThis.__loopcardFirstRead = startFirstRead(window.location.pathname));

// A page's first number format loads the locale data: 30–45 ms of the main thread in Chromium here.
// Every role card formats its band, so the list pays it once either way; paid here, once the read
// has answered, it falls in the wait for the app's code instead of in that code's evaluation.
void started.promise.finally(() => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact' }).format(0));
