import type { SaveStatus } from './use-scorecard-editor';

function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Always visible: whether what is on screen is in the database. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  switch (status.kind) {
    case 'saved':
      return <span className="save-status save-ok">Saved {timeOf(status.at)}</span>;
    case 'pending':
    case 'saving':
      return <span className="save-status save-busy">Saving…</span>;
    case 'failed':
      return <span className="save-status save-bad">Not saved — {status.reason}</span>;
    case 'conflict':
      return <span className="save-status save-bad">Not saved — changed in another tab</span>;
  }
}
