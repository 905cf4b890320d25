import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeError, ERROR_DETAIL_MAX_LENGTH, type FailedAction } from '../../src/lib/errors';
import { ConflictError, ValidationError } from '../../src/data/validation';
import { isDatabaseClosedError, isQuotaError } from '../../src/data/storage-errors';
import { SyncError } from '../../src/data/sync/sync-error';

const ACTIONS: FailedAction[] = ['saving', 'importing', 'exporting', 'deleting', 'restoring', 'loading', 'syncing'];

const OUT_OF_SPACE = 'This device is out of storage space. Free some space (or export your data), then try again.';
const CLOSED = 'The local database was closed, perhaps by another tab or an update. Reload the page and try again.';

/** What each action says when something unexpected fails, before any detail. */
const UNEXPECTED: Record<FailedAction, string> = {
  saving: 'Saving failed. Nothing you typed has been cleared; try again.',
  importing: 'The import failed. Nothing was imported; try again.',
  exporting: 'The export failed. Your data is unchanged; try again.',
  deleting: 'Deleting failed. Nothing was deleted; try again.',
  restoring: 'The restore failed. Your data is unchanged; try again.',
  loading: 'Loading failed. Reload the page and try again.',
  syncing: 'Syncing with the team server failed. Nothing on this device was changed; try again.',
};

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Each kind of failure, and the message it gives for an action. */
const KINDS: [kind: string, error: unknown, expected: (action: FailedAction) => string][] = [
  ['a DOMException QuotaExceededError', quota, (a) => (a === 'saving' ? `${OUT_OF_SPACE} Nothing you typed has been cleared.` : OUT_OF_SPACE)],
  ['Dexie’s QuotaExceededError', new Dexie.QuotaExceededError('Quota exceeded'), (a) => (a === 'saving' ? `${OUT_OF_SPACE} Nothing you typed has been cleared.` : OUT_OF_SPACE)],
  ['a transaction aborted by the quota', new Dexie.AbortError('Transaction aborted', quota), (a) => (a === 'saving' ? `${OUT_OF_SPACE} Nothing you typed has been cleared.` : OUT_OF_SPACE)],
  ['Dexie’s DatabaseClosedError', new Dexie.DatabaseClosedError('Database has been closed'), () => CLOSED],
  ['an InvalidStateError DOMException', new DOMException('The database connection is closing.', 'InvalidStateError'), () => CLOSED],
  ['a ValidationError', new ValidationError('Setting', [{ path: 'retentionDays', message: 'Keep data for at least 30 days.' }, { path: '', message: 'Try again.' }]), () => 'Keep data for at least 30 days. Try again.'],
  ['a ConflictError', new ConflictError('This candidate was removed on another device.'), () => 'This candidate was removed on another device.'],
  ['an unexpected Error', new TypeError('Cannot read properties of undefined (reading \'id\')'), (a) => `${UNEXPECTED[a]} (details: Cannot read properties of undefined (reading 'id'))`],
  ['a team server answering 500', new SyncError('server', 'HTTP 500 from _bulk_get', 500), () => 'The team server had a problem (error 500). Nothing on this device was changed; Loopcard will try again.'],
  ['a team server refusing a non-member', new SyncError('refused', 'HTTP 403', 403), () => 'The team server refused: you are not a member of this loop, or the change is not allowed. Ask the loop’s lead. Nothing on this device was changed.'],
  ['a team server whose session ended', new SyncError('refused', 'HTTP 401', 401), () => 'The team server refused: your session has ended, or you are not a member of this loop. Sign in again; if that does not help, ask the loop’s lead. Nothing on this device was changed.'],
  ['a team server out of reach', new SyncError('offline', 'fetch failed'), () => 'Loopcard cannot reach the team server: this device is offline or the server is down. Your work is kept on this device; sync resumes when the server can be reached.'],
  ['a team server answering garbage', new SyncError('malformed', 'Unexpected token <'), () => 'The team server sent an answer Loopcard cannot read. Nothing on this device was changed. Check the team server’s address with whoever runs it.'],
  ['a thrown string', 'disk on fire', (a) => `${UNEXPECTED[a]} (details: disk on fire)`],
  ['nothing at all', undefined, (a) => UNEXPECTED[a]],
];

describe('describing a failure to the user', () => {
  describe.each(KINDS)('%s', (_kind, error, expected) => {
    it.each(ACTIONS)('while %s', (action) => {
      expect(describeError(error, action)).toBe(expected(action));
    });
  });

  it.each(ACTIONS)('never shows an exception’s text alone, and caps it at 200 characters, while %s', (action) => {
    const message = describeError(new Error(`${'x'.repeat(500)}\n  at somewhere.js:1`), action);
    expect(message.startsWith(UNEXPECTED[action])).toBe(true);
    const detail = /\(details: (.*)\)$/.exec(message)?.[1] ?? '';
    expect(detail).toHaveLength(ERROR_DETAIL_MAX_LENGTH);
    expect(detail.endsWith('…')).toBe(true);
  });

  it('tells a full disk and a closed database apart from each other and from anything else', () => {
    expect([isQuotaError(quota), isDatabaseClosedError(quota)]).toEqual([true, false]);
    expect([isQuotaError(new Dexie.DatabaseClosedError()), isDatabaseClosedError(new Dexie.DatabaseClosedError())]).toEqual([false, true]);
    expect([isQuotaError(new Error('quota')), isDatabaseClosedError(new Error('closed'))]).toEqual([false, false]);
    expect([isQuotaError(null), isDatabaseClosedError('DatabaseClosedError')]).toEqual([false, false]);
  });
});
