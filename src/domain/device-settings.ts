/** Settings that describe this device rather than the hiring data (never part of a backup). */

/** When this device last saved a backup (an ISO timestamp). */
export const LAST_BACKUP_AT_SETTING = 'lastBackupAt';
/** Candidates whose loop arrived on this device as a loop file: it is an interviewer's device for them. */
export const RECEIVED_LOOPS_SETTING = 'receivedLoops';
/** The team server this device uses (its address on the app's origin) and who is signed in; never a password. */
export const TEAM_SERVER_SETTING = 'teamServer';
/** Per interview, the team-server user of its interviewer, as the lead typed it on this device. */
export const TEAM_SLOT_USERS_SETTING = 'teamSlotUsers';
/** Names this device's sync checkpoints on the team server. */
export const TEAM_DEVICE_ID_SETTING = 'teamDeviceId';
/** Where a pass of sync left off in a loop: one row per loop database, named by this prefix. */
export const SYNC_CHECKPOINT_PREFIX = 'syncCheckpoint:';

const DEVICE_ONLY_KEYS: readonly string[] = [LAST_BACKUP_AT_SETTING, RECEIVED_LOOPS_SETTING, TEAM_SERVER_SETTING, TEAM_SLOT_USERS_SETTING, TEAM_DEVICE_ID_SETTING];

/** Whether a setting belongs to this device only: never written into a backup, never restored over. */
export function isDeviceOnlySetting(key: string): boolean {
  return DEVICE_ONLY_KEYS.includes(key) || key.startsWith(SYNC_CHECKPOINT_PREFIX);
}

/** Whether a stored team-server setting names a server (this device then syncs with it). */
export function namesTeamServer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { address?: unknown }).address === 'string';
}
