import { createDb, onTablesWritten, type LoopcardDb } from '../data/db';
import { ROLES_LIST_TABLES } from '../data/roles-list-tables';
import { forgetSnapshot } from '../lib/first-paint-snapshot';
import { flushPendingWork } from '../lib/pending-work';
import { raiseCondition } from '../lib/app-events';

export type StartedDatabase =
  | {
      db: LoopcardDb;
      /** Settles when the database has opened (or could not). */
      opened: Promise<void>;
      /** Called when an older tab blocks the upgrade before the database has opened. */
      onBlockedBeforeOpen: (listener: () => void) => void;
    }
  | { error: unknown };

function startDatabase(): StartedDatabase {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('This browser has no IndexedDB.');
    const db = createDb();
    // The roles list as last drawn stops being shown at start once anything it shows is written.
    onTablesWritten(db, ROLES_LIST_TABLES, () => forgetSnapshot(() => window.localStorage));
    // Another tab opened a newer version of the database: save what can be saved, let go of the
    // connection so that tab is not blocked, and tell the user to reload.
    db.on('versionchange', () => {
      void flushPendingWork().finally(() => {
        db.close();
        raiseCondition('database-closed');
      });
      return false;
    });
    let opened = false;
    let blockedEarly = false;
    let onBlocked: (() => void) | null = null;
    db.on('blocked', () => {
      if (opened) raiseCondition('upgrade-blocked');
      else if (onBlocked) onBlocked();
      else blockedEarly = true;
    });
    return {
      db,
      opened: db.open().then(() => {
        opened = true;
      }),
      onBlockedBeforeOpen: (listener) => {
        onBlocked = listener;
        if (blockedEarly) listener();
      },
    };
  } catch (error) {
    return { error };
  }
}

/**
 * The app's database, opening from the moment this module runs: main.tsx loads it with the
 * repositories, on first need (the roles list shows what first-read.ts read before that).
 */
export const database = startDatabase();
