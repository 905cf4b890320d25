import { describe, expect, it } from 'vitest';
import { describePassResult, describeSyncStatus, timeAgo } from '../../src/lib/team-sync';
import { SyncError } from '../../src/data/sync/sync-error';
import { LoopNotSetUpError, type SyncStatus } from '../../src/data/sync/sync-service';

const NOW = new Date('2026-11-30T10:00:00.000Z');
const status = (over: Partial<SyncStatus>): SyncStatus => ({ state: 'synced', error: null, user: 'zofia', address: '/couchdb/', lastSyncedAt: null, loops: [], ...over });

describe('team sync in words', () => {
  it.each([
    ['2026-11-30T09:59:40.000Z', 'just now'],
    ['2026-11-30T09:58:00.000Z', '2 min ago'],
    ['2026-11-30T07:00:00.000Z', '3 h ago'],
    ['2026-11-27T10:00:00.000Z', 'on 2026-11-27'],
  ])('%s was %s', (iso, words) => expect(timeAgo(iso, NOW)).toBe(words));

  it('says each state in a few words, and an error with its reason', () => {
    expect(describeSyncStatus(status({ lastSyncedAt: '2026-11-30T09:58:00.000Z' }), NOW)).toBe('synced 2 min ago');
    expect(describeSyncStatus(status({ state: 'syncing' }), NOW)).toBe('syncing');
    expect(describeSyncStatus(status({ state: 'offline' }), NOW)).toBe('offline');
    expect(describeSyncStatus(status({ state: 'error', error: new SyncError('server', '500', 500) }), NOW)).toBe('error: The team server had a problem (error 500). Nothing on this device was changed; Loopcard will try again.');
    expect(describeSyncStatus(status({ state: 'error', error: new LoopNotSetUpError('cand-1') }), NOW)).toMatch(/^error: The team server has no database for this loop yet\./);
  });

  it('says what a pass did, conflicts and refusals included', () => {
    const quiet = { pushed: 0, pulled: { add: 0, update: 0, same: 3, 'keep-local': 0, conflict: 0 }, refused: [], lastSeq: '3' };
    expect(describePassResult(quiet)).toBe('Nothing new to send; nothing new received.');
    const busy = { pushed: 1, pulled: { add: 2, update: 1, same: 0, 'keep-local': 1, conflict: 1 }, refused: ['The team server sent a scorecard revision, whose content no longer matches its hash: it was changed after it was submitted.'], lastSeq: '9' };
    expect(describePassResult(busy)).toBe(
      'Sent 1 record; received 3 records (2 new, 1 updated); kept this device’s newer version of 1 record; 1 record changed both here and elsewhere: choose under Data → Changes to review; 1 record refused: The team server sent a scorecard revision, whose content no longer matches its hash: it was changed after it was submitted.',
    );
  });
});
