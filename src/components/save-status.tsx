/** Where an autosaving editor stands; each editor's own status (with what the other tab saved) fits it. */
export type SaveStatusView =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string }
  | { kind: 'conflict' };

function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Always visible: whether what is on screen is kept on this device. */
export function SaveStatusText({ status }: { status: SaveStatusView }) {
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
