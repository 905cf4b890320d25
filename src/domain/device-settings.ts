/** Settings that describe this device rather than the hiring data (never part of a backup). */

/** When this device last saved a backup (an ISO timestamp). */
export const LAST_BACKUP_AT_SETTING = 'lastBackupAt';
/** Candidates whose loop arrived on this device as a loop file: it is an interviewer's device for them. */
export const RECEIVED_LOOPS_SETTING = 'receivedLoops';
