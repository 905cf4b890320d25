// Rendered at build time only (vite.config.ts), never part of the app's bundle: the frame of every
// screen with nothing in it, written into index.html so the header paints before the app's code runs.
import { renderToStaticMarkup } from 'react-dom/server';
import { Router } from 'wouter';
import { Shell } from './shell';

export function staticShellMarkup(): string {
  // No link is current: the same index.html serves every address.
  return renderToStaticMarkup(
    <Router ssrPath="/">
      <Shell />
    </Router>,
  );
}
