import { TEAM_SERVER_SETTING, namesTeamServer } from '../domain/device-settings';
import type { Role } from '../domain/role';
import type { Candidate } from '../domain/candidate';
import type { Debrief } from '../domain/debrief';
import { CURRENT_DB_VERSION, DEFAULT_DB_NAME, indexedDbVersionOf } from './db-version';
import { ROLES_LIST_TABLES } from './roles-list-tables';
import { rolesOverviewFrom, type RolesOverview, type RolesOverviewRows } from './role-reads';

/** What the first screen (the roles list and the app's frame) shows, read once at start. */
export type FirstScreenData = {
  roles: RolesOverview;
  teamServerConfigured: boolean;
};

/** A device that has never stored anything: no roles, no team server. */
const NEW_DEVICE: FirstScreenData = {
  roles: { roles: [], searches: new Map(), candidateCounts: new Map() },
  teamServerConfigured: false,
};

const STORES = [...ROLES_LIST_TABLES, 'settings'] as const;

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused a read.'));
  });
}

async function readFrom(db: IDBDatabase, today: Date): Promise<FirstScreenData> {
  const tx = db.transaction([...STORES], 'readonly');
  const rows: RolesOverviewRows = {
    rolesNewestFirst: async () => ((await result(tx.objectStore('roles').index('updatedAt').getAll())) as Role[]).reverse(),
    // A count per role, all asked at once: one round trip, where walking the index's keys would
    // take one per candidate.
    candidateCounts: async (roleIds) => {
      const index = tx.objectStore('candidates').index('roleId');
      const counts = await Promise.all(roleIds.map((id) => result(index.count(IDBKeyRange.only(id)))));
      return new Map(roleIds.flatMap((id, i) => ((counts[i] ?? 0) > 0 ? [[id, counts[i] ?? 0] as const] : [])));
    },
    debriefs: async () => (await result(tx.objectStore('debriefs').getAll())) as Debrief[],
    candidates: (ids) => Promise.all(ids.map(async (id) => (await result(tx.objectStore('candidates').get(id))) as Candidate | undefined)),
  };
  const [roles, setting] = await Promise.all([rolesOverviewFrom(rows, today), result(tx.objectStore('settings').get(TEAM_SERVER_SETTING))]);
  return { roles, teamServerConfigured: namesTeamServer((setting as { value?: unknown } | undefined)?.value) };
}

export type FirstScreenReadOptions = {
  name?: string;
  now?: () => Date;
  factory?: IDBFactory;
  /** The connection stays open until this settles (the app's own has opened), so this page hears of an upgrade in another tab. */
  holdUntil?: Promise<unknown>;
  /** Another tab upgraded the database while this connection was open: it has let go. */
  onVersionChange?: () => void;
};

/**
 * Reads what the first screen shows straight from IndexedDB, without the database code (Dexie),
 * so the list can paint while that code is still loading. Rows are read as stored, as the roles
 * list always reads them (every write validated them).
 *
 * The connection stays open until `holdUntil` settles, so a page showing what it read hears of an
 * upgrade in another tab (`onVersionChange`) before the app's own connection exists.
 *
 * Null when the app's own open must come first: the database is at another version (an upgrade
 * is due, or a newer app wrote it), or IndexedDB refused. On a device with no database it creates
 * none (that is the app's open, with its schema) and answers with an empty list.
 */
export function readFirstScreen({
  name = DEFAULT_DB_NAME,
  now = () => new Date(),
  factory = globalThis.indexedDB,
  holdUntil = Promise.resolve(),
  onVersionChange = () => undefined,
}: FirstScreenReadOptions = {}): Promise<FirstScreenData | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      if (!factory) return resolve(null);
      request = factory.open(name);
    } catch {
      return resolve(null);
    }
    let isNew = false;
    request.onupgradeneeded = () => {
      // No database yet: leave it uncreated (aborting removes the empty one) for the app's open.
      isNew = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(isNew ? NEW_DEVICE : null);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading is never kept waiting by this connection: it lets go, and says so.
      db.onversionchange = () => {
        db.close();
        onVersionChange();
      };
      if (db.version !== indexedDbVersionOf(CURRENT_DB_VERSION)) {
        db.close();
        return resolve(null);
      }
      // A refusal (a store missing, a read failing) comes back as a rejection: the app's open goes first.
      const read = readFrom(db, now());
      read.then(resolve, () => resolve(null));
      void read.then(
        () => holdUntil,
        () => undefined,
      ).finally(() => db.close());
    };
  });
}
