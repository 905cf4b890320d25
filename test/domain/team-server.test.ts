import { describe, expect, it } from 'vitest';
import { checkTeamServerAddress } from '../../src/domain/team-server';
import { isDeviceOnlySetting } from '../../src/domain/device-settings';
import { BackupSettingSchema } from '../../src/domain/backup-format';

const ORIGIN = 'https://loopcard.example.org';

describe('the team server’s address', () => {
  it.each([
    ['/couchdb/', '/couchdb/'],
    ['/couchdb', '/couchdb/'],
    ['  /team/couch/ ', '/team/couch/'],
    ['https://loopcard.example.org/couchdb', '/couchdb/'],
  ])('takes %j as the path %j on this site', (input, address) => {
    expect(checkTeamServerAddress(input, ORIGIN)).toEqual({ ok: true, address });
  });

  it.each([
    ['', 'Enter the team server’s address'],
    ['https://couch.elsewhere.example/', 'only at this site’s own address (https://loopcard.example.org)'],
    ['//couch.elsewhere.example/db', 'only at this site’s own address'],
    ['http://loopcard.example.org/couchdb/', 'only at this site’s own address'],
    ['/', 'a path of its own'],
    ['/couchdb/?x=1', 'a plain path'],
    [`/${'a'.repeat(300)}`, 'longer than 200 characters'],
  ])('refuses %j in a plain sentence', (input, reason) => {
    const check = checkTeamServerAddress(input, ORIGIN);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
  });
});

describe('settings that stay on this device', () => {
  it.each(['teamServer', 'teamSlotUsers', 'teamDeviceId', 'syncCheckpoint:loop-$cand-7', 'receivedLoops', 'lastBackupAt'])('%s is never part of a backup', (key) => {
    expect(isDeviceOnlySetting(key)).toBe(true);
    expect(BackupSettingSchema.safeParse({ key, value: 'x' }).success).toBe(false);
  });
  it('the interviewer’s name still travels in a backup', () => {
    expect(isDeviceOnlySetting('interviewerName')).toBe(false);
  });
});
