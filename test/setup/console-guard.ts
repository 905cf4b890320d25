import { afterEach, beforeEach, vi } from 'vitest';

// Every test fails on any unexpected console.error (React warnings, act() misuse, crashes caught
// by an error boundary, a repository logging a swallowed failure): a test that expects one stubs
// console.error itself.
let consoleErrors: unknown[][] = [];
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});

// Registered first, so with vitest's default 'stack' hook order it runs after every other
// setup file's afterEach (the DOM setup unmounts first, and an unmount can log too).
afterEach(() => {
  const errors = consoleErrors;
  consoleErrors = [];
  if (errors.length > 0) {
    throw new Error(`Unexpected console.error:\n${errors.map((args) => args.map(String).join(' ')).join('\n')}`);
  }
});
