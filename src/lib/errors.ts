import { ConflictError, ValidationError } from '../data/validation';
import { isDatabaseClosedError, isQuotaError } from '../data/storage-errors';
import { SyncError, describeSyncError } from '../data/sync/sync-error';

/** What the user was doing when something failed; the message names it. */
export type FailedAction = 'saving' | 'importing' | 'exporting' | 'deleting' | 'restoring' | 'loading' | 'syncing';

const FAILED: Record<FailedAction, string> = {
  saving: 'Saving failed',
  importing: 'The import failed',
  exporting: 'The export failed',
  deleting: 'Deleting failed',
  restoring: 'The restore failed',
  loading: 'Loading failed',
  syncing: 'Syncing with the team server failed',
};

/** What is still true after the failure, so the user knows whether to worry. */
const AFTERWARDS: Record<FailedAction, string> = {
  saving: 'Nothing you typed has been cleared; try again.',
  importing: 'Nothing was imported; try again.',
  exporting: 'Your data is unchanged; try again.',
  deleting: 'Nothing was deleted; try again.',
  restoring: 'Your data is unchanged; try again.',
  loading: 'Reload the page and try again.',
  syncing: 'Nothing on this device was changed; try again.',
};

export const ERROR_DETAIL_MAX_LENGTH = 200;

/**
 * The one sentence shown when an action fails. It says what failed and what to do; an exception's
 * own text is never the whole message, only a trailing detail for a bug report, cut to 200
 * characters. A refused value or a conflict speaks for itself: its message is written for people.
 */
export function describeError(error: unknown, action: FailedAction): string {
  if (isQuotaError(error)) {
    const kept = action === 'saving' ? ' Nothing you typed has been cleared.' : '';
    return `This device is out of storage space. Free some space (or export your data), then try again.${kept}`;
  }
  if (isDatabaseClosedError(error)) {
    return 'The local database was closed, perhaps by another tab or an update. Reload the page and try again.';
  }
  if (error instanceof ValidationError) return error.issues.map((issue) => issue.message).join(' ');
  if (error instanceof ConflictError) return error.message;
  if (error instanceof SyncError) return describeSyncError(error);
  const detail = detailOf(error);
  return `${FAILED[action]}. ${AFTERWARDS[action]}${detail ? ` (details: ${detail})` : ''}`;
}

function detailOf(error: unknown): string {
  const raw = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : error === undefined || error === null ? '' : String(error);
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length > ERROR_DETAIL_MAX_LENGTH ? `${text.slice(0, ERROR_DETAIL_MAX_LENGTH - 1)}…` : text;
}
