// Only the jsdom project (component tests) loads this: Testing Library, jest-dom matchers and the
// few browser APIs jsdom lacks.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Screens load some code on first use (lazy repositories and routes); give findBy* time for that.
configure({ asyncUtilTimeout: 3_000 });

// jsdom does not lay out, so it has no scrollIntoView; the real browser tests cover scrolling.
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;

afterEach(() => {
  cleanup();
});
