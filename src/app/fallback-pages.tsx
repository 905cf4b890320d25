import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'wouter';
import { Page } from '../components/page';
import { EmptyState } from '../components/empty-state';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <EmptyState
        title="There is nothing at this address"
        action={
          <Link className="button button-primary" href="/roles">
            Go to roles
          </Link>
        }
      >
        <p>Check the link, or start from the roles list.</p>
      </EmptyState>
    </Page>
  );
}

type BoundaryState = { error: unknown };

/** A screen that crashed: say so, keep the navigation, and offer a way out. Stored data is untouched. */
export class ScreenErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    // Navigating elsewhere gives the next screen a fresh start.
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Screen crashed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const detail = error instanceof Error ? error.message : String(error);
    return (
      <div role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>Your saved data is safe on this device. Reload the page, or go back to the roles list.</p>
        <pre className="error-detail">{detail}</pre>
        <p>
          <a className="button button-primary" href="/roles">
            Go to roles
          </a>
        </p>
      </div>
    );
  }
}

/** IndexedDB refused to open: explain why nothing can be stored and what to try. */
export function StorageUnavailablePage({ error }: { error: unknown }) {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <div className="shell">
      <main id="main" className="main">
        <h1>Loopcard cannot open its storage</h1>
        <p>
          Loopcard keeps everything in this browser’s local database (IndexedDB), and the browser refused to open it. Nothing can be saved until
          it does.
        </p>
        <ul>
          <li>Private or incognito windows in some browsers block local storage: open Loopcard in a normal window.</li>
          <li>Check that site data is allowed for this site in the browser settings.</li>
          <li>If the disk is full, free some space and reload.</li>
          <li>If Loopcard is open in another tab with a newer version, close that tab and reload this one.</li>
        </ul>
        <pre className="error-detail">{detail}</pre>
        <p>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      </main>
    </div>
  );
}
