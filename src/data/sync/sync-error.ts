/**
 * Every way talking to the team server can fail, as one error the app can describe
 * (`describeError` in src/lib/errors.ts). Kept apart from the client so the message function
 * does not pull the sync code into the first screen.
 */
export const SYNC_ERROR_KINDS = ['wrong-password', 'session-ended', 'refused', 'server', 'timeout', 'malformed', 'oversized', 'offline', 'invalid'] as const;
export type SyncErrorKind = (typeof SYNC_ERROR_KINDS)[number];

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  /** The HTTP status, when the server answered. */
  readonly status: number | null;
  constructor(kind: SyncErrorKind, detail: string, status: number | null = null) {
    super(detail);
    this.name = 'SyncError';
    this.kind = kind;
    this.status = status;
  }
}

/** Whether trying again later may help (the server or the network), rather than a person acting. */
export function isRetryable(error: unknown): boolean {
  return error instanceof SyncError && (error.kind === 'server' || error.kind === 'timeout' || error.kind === 'offline');
}

/** What happened, in a sentence for the person; what was kept is said by the caller's context. */
export function describeSyncError(error: SyncError): string {
  switch (error.kind) {
    case 'wrong-password':
      return 'The team server did not accept this user name and password. Check them and sign in again.';
    case 'session-ended':
      return 'Your session with the team server has ended, so nothing was sent or received. Sign in again to go on syncing; your work is kept on this device.';
    case 'refused':
      return error.status === 401
        ? 'The team server refused: your session has ended, or you are not a member of this loop. Sign in again; if that does not help, ask the loop’s lead. Nothing on this device was changed.'
        : 'The team server refused: you are not a member of this loop, or the change is not allowed. Ask the loop’s lead. Nothing on this device was changed.';
    case 'server':
      return `The team server had a problem${error.status ? ` (error ${error.status})` : ''}. Nothing on this device was changed; Loopcard will try again.`;
    case 'timeout':
      return 'The team server did not answer in time. Nothing on this device was changed; Loopcard will try again.';
    case 'malformed':
      return 'The team server sent an answer Loopcard cannot read. Nothing on this device was changed. Check the team server’s address with whoever runs it.';
    case 'oversized':
      return 'The team server sent more than Loopcard accepts at once. Nothing of it was saved on this device; tell whoever runs the team server.';
    case 'offline':
      return 'Loopcard cannot reach the team server: this device is offline or the server is down. Your work is kept on this device; sync resumes when the server can be reached.';
    case 'invalid':
      return 'The team server sent records that break Loopcard’s rules. They were not saved on this device; tell the loop’s lead.';
  }
}
