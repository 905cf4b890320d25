import { z } from 'zod';
import type { RepositoryContext } from '../repository-context';
import { createSettingsRepository } from '../settings-repository';
import { ConflictError } from '../validation';
import { TEAM_DEVICE_ID_SETTING, TEAM_SERVER_SETTING, TEAM_SLOT_USERS_SETTING } from '../../domain/device-settings';
import { TeamServerSettingSchema, type TeamServerSetting } from '../../domain/team-server';
import { DESIGN_DOC_ID, TeamUserSchema, candidateIdOfDatabase, loopAssignmentOf, loopDatabaseName, pullSelector, type LoopAssignment, type PullView } from '../../domain/sync-docs';
import { createCouchClient, type CouchClient } from './couch-client';
import { syncLoopOnce, type PassResult } from './replicator';
import { SyncError, describeSyncError } from './sync-error';
import { eraseOnServer } from './erasure-on-server';

/**
 * Keeps this device's loops in step with the team server while someone is signed in: a pass over
 * every loop of the user when it starts, every 30 seconds, and when asked. It pauses while the
 * page is hidden or the device is offline and resumes after; when the browser closes the database
 * connection it opens it again and goes on. With no team server configured it makes no request.
 * Loaded on first use only, never with the first screen.
 */

export const SYNC_INTERVAL_MS = 30_000;

export type SyncState = 'not-configured' | 'signed-out' | 'syncing' | 'synced' | 'offline' | 'paused' | 'error';

export type LoopSyncStatus = {
  candidateId: string;
  /** How this device takes part: the lead pulls everything; an interviewer pulls under the independence filter. */
  role: 'lead' | 'interviewer' | 'member';
  at: string;
  result: PassResult | null;
  /** Why the last pass of this loop failed (a SyncError, or the loop not being set up yet). */
  error: unknown;
};

export type SyncStatus = {
  state: SyncState;
  /** What went wrong, for describeError, when state is 'error'. */
  error: unknown;
  user: string | null;
  address: string | null;
  lastSyncedAt: string | null;
  loops: LoopSyncStatus[];
};

/** How the loop stands on the server, for the lead's "Sync this loop". */
export type LoopReadiness = { state: 'ready'; assignment: LoopAssignment } | { state: 'missing' } | { state: 'not-member' };

/** The loop's database or design document is not on the server yet: the admin command makes them. */
export class LoopNotSetUpError extends ConflictError {
  readonly candidateId: string;
  constructor(candidateId: string) {
    super('The team server has no database for this loop yet. Its lead gives whoever runs the team server the command shown on the candidate’s page under Team sync.');
    this.name = 'LoopNotSetUpError';
    this.candidateId = candidateId;
  }
}

/** What the browser offers, replaceable in tests. */
export type SyncEnvironment = {
  onLine: () => boolean;
  hidden: () => boolean;
  listen: (event: 'online' | 'offline' | 'visibilitychange', handler: () => void) => () => void;
};

export type TeamTransport = {
  /** A fetch that keeps the session cookie (the browser's own does). */
  fetch?: typeof fetch;
  /** The URL for the address on this site; the browser resolves the path itself. */
  baseUrlOf?: (address: string) => string;
  environment?: SyncEnvironment;
  intervalMs?: number;
};

const browserEnvironment: SyncEnvironment = {
  onLine: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  hidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  listen: (event, handler) => {
    const target: EventTarget = event === 'visibilitychange' ? document : window;
    target.addEventListener(event, handler);
    return () => target.removeEventListener(event, handler);
  },
};

const SlotUsersSchema = z.record(z.string(), TeamUserSchema);

export type SyncService = ReturnType<typeof createSyncService>;

export function createSyncService(ctx: RepositoryContext, transport: TeamTransport = {}) {
  const { db } = ctx;
  const environment = transport.environment ?? browserEnvironment;
  const intervalMs = transport.intervalMs ?? SYNC_INTERVAL_MS;
  const settings = createSettingsRepository(ctx);
  let status: SyncStatus = { state: 'not-configured', error: null, user: null, address: null, lastSyncedAt: null, loops: [] };
  const listeners = new Set<(s: SyncStatus) => void>();
  let client: CouchClient | null = null;
  let clientAddress: string | null = null;
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let unlisten: (() => void)[] = [];
  let started = false;

  const publish = (next: Partial<SyncStatus>) => {
    status = { ...status, ...next };
    for (const listener of listeners) listener(status);
  };

  const clientFor = (address: string): CouchClient => {
    if (!client || clientAddress !== address) {
      client = createCouchClient({ baseUrl: transport.baseUrlOf?.(address) ?? address, ...(transport.fetch ? { fetch: transport.fetch } : {}) });
      clientAddress = address;
    }
    return client;
  };

  /** After the browser closed the database connection, open it again; then do the work. */
  async function withOpenDb<T>(work: () => Promise<T>): Promise<T> {
    if (!db.isOpen()) await db.open();
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'DatabaseClosedError') throw error;
      await db.open();
      return work();
    }
  }

  async function readSetting(): Promise<TeamServerSetting | null> {
    const row = await withOpenDb(() => db.settings.get(TEAM_SERVER_SETTING));
    const parsed = TeamServerSettingSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : null;
  }

  async function deviceId(): Promise<string> {
    return withOpenDb(() =>
      db.transaction('rw', db.settings, async () => {
        const row = await db.settings.get(TEAM_DEVICE_ID_SETTING);
        if (typeof row?.value === 'string') return row.value;
        const id = crypto.randomUUID();
        await db.settings.put({ key: TEAM_DEVICE_ID_SETTING, value: id });
        return id;
      }),
    );
  }

  /** Whether every interview of this user in the loop has a submitted scorecard here. */
  async function submittedAll(interviewIds: readonly string[]): Promise<boolean> {
    if (interviewIds.length === 0) return false;
    const cards = await withOpenDb(() => db.scorecards.where('interviewId').anyOf([...interviewIds]).toArray());
    return interviewIds.every((id) => cards.some((card) => card.interviewId === id && card.status === 'submitted'));
  }

  /**
   * Throws when the server no longer signs this device's user in (the session cookie expired, or
   * was ended elsewhere): this device is then signed out, the address kept, and it says so. Asked
   * before each pass, and when a loop refuses, since an ended session reads as a stranger: the
   * user's own list of loops comes back empty, and every loop refuses.
   */
  async function requireSession(setting: TeamServerSetting & { user: string }): Promise<void> {
    if ((await clientFor(setting.address).sessionUser()) === setting.user) return;
    started = false;
    stopTimers();
    const ended = new SyncError('session-ended', `${setting.user}: the session has ended`, 401);
    await signedOutHere(setting.address, ended);
    throw ended;
  }

  /** This device signed out (by the person, or by the server ending the session): the address stays, so signing in again is quick. */
  async function signedOutHere(address: string, error: SyncError | null): Promise<void> {
    await withOpenDb(() => db.settings.put({ key: TEAM_SERVER_SETTING, value: { address, user: null } satisfies TeamServerSetting }));
    publish({ state: 'signed-out', user: null, error, loops: [], lastSyncedAt: null });
  }

  /** Signed out, the one error still worth saying is that the session ended (not an earlier pass's failure). */
  const sessionEnded = (): SyncError | null => (status.error instanceof SyncError && status.error.kind === 'session-ended' ? status.error : null);

  async function readiness(setting: TeamServerSetting & { user: string }, candidateId: string): Promise<LoopReadiness> {
    try {
      const assignment = loopAssignmentOf(await clientFor(setting.address).database(loopDatabaseName(candidateId)).get(DESIGN_DOC_ID));
      return assignment ? { state: 'ready', assignment } : { state: 'missing' };
    } catch (error) {
      if (!(error instanceof SyncError && error.kind === 'refused')) throw error;
      await requireSession(setting);
      return { state: 'not-member' };
    }
  }

  async function passLoop(setting: TeamServerSetting & { user: string }, candidateId: string): Promise<LoopSyncStatus> {
    const ready = await readiness(setting, candidateId);
    if (ready.state === 'not-member') throw new SyncError('refused', `${candidateId}: not a member`, 403);
    if (ready.state === 'missing') throw new LoopNotSetUpError(candidateId);
    const { assignment } = ready;
    const own = Object.entries(assignment.slots)
      .filter(([, user]) => user === setting.user)
      .map(([interviewId]) => interviewId);
    const role: LoopSyncStatus['role'] = assignment.lead === setting.user ? 'lead' : own.length > 0 ? 'interviewer' : 'member';
    const view: PullView = role === 'lead' ? { role: 'lead' } : { role: 'interviewer', ownInterviewIds: own, submitted: await submittedAll(own) };
    const result = await withOpenDb(async () =>
      syncLoopOnce({ db, client: clientFor(setting.address), candidateId, user: setting.user, replicationId: await deviceId(), now: ctx.now, selector: pullSelector(view) }),
    );
    // An interviewer's device for this loop, as if its loop file had arrived.
    if (role !== 'lead' && (await withOpenDb(() => db.candidates.get(candidateId)))) await withOpenDb(() => settings.markReceivedLoop(candidateId));
    return { candidateId, role, at: ctx.now().toISOString(), result, error: null };
  }

  const record = (loop: LoopSyncStatus) => publish({ loops: [...status.loops.filter((l) => l.candidateId !== loop.candidateId), loop] });

  /** One pass over every loop the server lists for the user. */
  async function passAll(): Promise<void> {
    const setting = await readSetting();
    if (!setting) return publish({ state: 'not-configured', user: null, address: null });
    if (!setting.user) return publish({ state: 'signed-out', user: null, address: setting.address, error: sessionEnded() });
    if (!environment.onLine()) return publish({ state: 'offline', error: null });
    if (environment.hidden()) return publish({ state: 'paused', error: null });
    const signedIn = { ...setting, user: setting.user };
    publish({ state: 'syncing', user: setting.user, address: setting.address });
    try {
      await requireSession(signedIn);
      const names = await clientFor(setting.address).userLoops(setting.user);
      let failed: unknown = null;
      for (const candidateId of names.map(candidateIdOfDatabase).filter((id): id is string => id !== null)) {
        try {
          record(await passLoop(signedIn, candidateId));
        } catch (error) {
          if (error instanceof SyncError && (error.kind === 'offline' || error.kind === 'timeout' || error.kind === 'session-ended')) throw error;
          failed ??= error;
          record({ candidateId, role: status.loops.find((l) => l.candidateId === candidateId)?.role ?? 'member', at: ctx.now().toISOString(), result: null, error });
        }
      }
      publish(failed === null ? { state: 'synced', error: null, lastSyncedAt: ctx.now().toISOString() } : { state: 'error', error: failed });
    } catch (error) {
      if (error instanceof SyncError && error.kind === 'session-ended') return; // signed out, and said so
      publish(error instanceof SyncError && error.kind === 'offline' ? { state: 'offline', error: null } : { state: 'error', error });
    }
  }

  /** Runs a pass unless one is running (then waits for it). */
  function runPass(): Promise<void> {
    running ??= passAll().finally(() => {
      running = null;
    });
    return running;
  }

  const onChange = () => {
    if (!environment.onLine()) publish({ state: 'offline', error: null });
    else if (environment.hidden()) publish({ state: 'paused', error: null });
    else void runPass();
  };

  function stopTimers() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    for (const off of unlisten) off();
    unlisten = [];
  }

  return {
    status: () => status,
    subscribe(listener: (s: SyncStatus) => void): () => void {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    /** Starts syncing if someone is signed in; with no team server configured, asks nothing of anyone. */
    async start(): Promise<void> {
      const setting = await readSetting();
      if (!setting?.user) {
        publish(setting ? { state: 'signed-out', address: setting.address, user: null, error: sessionEnded() } : { state: 'not-configured' });
        return;
      }
      if (started) return runPass();
      started = true;
      unlisten = (['online', 'offline', 'visibilitychange'] as const).map((event) => environment.listen(event, onChange));
      timer = setInterval(() => {
        if (environment.onLine() && !environment.hidden()) void runPass();
      }, intervalMs);
      return runPass();
    },
    stop(): void {
      started = false;
      stopTimers();
    },
    syncNow: (): Promise<void> => runPass(),
    /** Signs in (the password goes to the server once and is not kept) and starts syncing. */
    async signIn(address: string, user: string, password: string): Promise<void> {
      const name = TeamUserSchema.parse(user);
      const signed = await clientFor(address).signIn(name, password);
      await withOpenDb(() => db.settings.put({ key: TEAM_SERVER_SETTING, value: { address, user: signed.name } satisfies TeamServerSetting }));
      publish({ state: 'syncing', user: signed.name, address, error: null, loops: [] });
      await this.start();
    },
    /** Ends the session on the server and here; the address stays, so signing in again is quick. */
    async signOut(): Promise<void> {
      const setting = await readSetting();
      this.stop();
      await running;
      try {
        if (setting) await clientFor(setting.address).signOut();
      } finally {
        await signedOutHere(setting?.address ?? '', null);
      }
    },
    /** Forgets the team server on this device: nothing more is asked of it. */
    async forget(): Promise<void> {
      this.stop();
      await withOpenDb(() => db.settings.delete(TEAM_SERVER_SETTING));
      publish({ state: 'not-configured', user: null, address: null, error: null, loops: [], lastSyncedAt: null });
    },
    /** How one loop stands on the server (for the lead), or null when nobody is signed in. */
    async loopReadiness(candidateId: string): Promise<LoopReadiness | null> {
      const setting = await readSetting();
      return setting?.user ? readiness({ ...setting, user: setting.user }, candidateId) : null;
    },
    /** One pass of one loop now; throws what went wrong. */
    async syncLoop(candidateId: string): Promise<LoopSyncStatus> {
      const setting = await readSetting();
      if (!setting?.user) throw new SyncError('refused', 'signed out', 401);
      const loop = await passLoop({ ...setting, user: setting.user }, candidateId);
      record(loop);
      return loop;
    },
    /**
     * After candidates were erased on this device: on the device of their loop's lead, the loop is
     * erased on the team server too (the lead is the loop database's admin; an interviewer's
     * device leaves the server alone). Answers sentences to show; with no team server configured,
     * or nobody signed in, it asks nothing of anyone and answers none.
     */
    async eraseLoops(candidateIds: readonly string[]): Promise<string[]> {
      const setting = await readSetting();
      if (!setting?.user || candidateIds.length === 0) return [];
      const signedIn = { ...setting, user: setting.user };
      const notes: string[] = [];
      let erased = 0;
      for (const candidateId of candidateIds) {
        try {
          const ready = await readiness(signedIn, candidateId);
          if (ready.state !== 'ready' || ready.assignment.lead !== setting.user) continue;
          const result = await eraseOnServer(clientFor(setting.address), candidateId);
          notes.push(...result.refused);
          erased += 1;
        } catch (error) {
          const why = error instanceof SyncError ? describeSyncError(error) : 'The team server could not be reached.';
          notes.push(`Not erased on the team server: ${why} Ask whoever runs the team server to run: npm run team -- delete-loop ${candidateId}`);
        }
      }
      if (erased > 0) notes.unshift(erased === 1 ? 'Their loop was erased on the team server too.' : `${erased} loops were erased on the team server too.`);
      return notes;
    },
    async slotUsers(): Promise<Record<string, string>> {
      const row = await withOpenDb(() => db.settings.get(TEAM_SLOT_USERS_SETTING));
      const parsed = SlotUsersSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : {};
    },
    async setSlotUser(interviewId: string, user: string): Promise<void> {
      await withOpenDb(() =>
        db.transaction('rw', db.settings, async () => {
          const row = await db.settings.get(TEAM_SLOT_USERS_SETTING);
          const parsed = SlotUsersSchema.safeParse(row?.value);
          const others = Object.entries(parsed.success ? parsed.data : {}).filter(([id]) => id !== interviewId);
          const next = Object.fromEntries(user === '' ? others : [...others, [interviewId, TeamUserSchema.parse(user)]]);
          await db.settings.put({ key: TEAM_SLOT_USERS_SETTING, value: next });
        }),
      );
    },
  };
}

const services = new WeakMap<object, SyncService>();

/** The one sync service of a database (every screen and the header share it). */
export function syncServiceFor(ctx: RepositoryContext, transport?: TeamTransport): SyncService {
  let service = services.get(ctx.db);
  if (!service) {
    service = createSyncService(ctx, transport);
    services.set(ctx.db, service);
  }
  return service;
}
