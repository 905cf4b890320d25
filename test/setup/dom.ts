// Only the jsdom project (component tests) loads this: Testing Library, jest-dom matchers and the
// few browser APIs jsdom lacks.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Screens load some code on first use (lazy repositories and routes); give findBy* time for that.
configure({ asyncUtilTimeout: 3_000 });

// jsdom does not lay out, so it has no scrollIntoView; the real browser tests cover scrolling.
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;

// jsdom has HTMLDialogElement but neither showModal() nor close(). A minimal stand-in: the open
// attribute, the cancel and close events, and Escape closing the topmost modal dialog as browsers
// do. It does not make the rest of the page inert; the browser (e2e) tests cover that.
if (!HTMLDialogElement.prototype.showModal) {
  const modals: HTMLDialogElement[] = [];
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError');
    this.setAttribute('open', '');
    modals.push(this);
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.removeAttribute('open');
    modals.splice(modals.indexOf(this), 1);
    this.dispatchEvent(new Event('close'));
  };
  document.addEventListener('keydown', (event) => {
    const top = modals.filter((dialog) => dialog.isConnected).at(-1);
    if (event.key !== 'Escape' || !top || event.defaultPrevented) return;
    if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
  });
}

afterEach(() => {
  cleanup();
});
