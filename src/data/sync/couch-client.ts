import { z } from 'zod';
import { SyncError } from './sync-error';

/**
 * The part of the CouchDB protocol Loopcard speaks, over `fetch`: the cookie session, and per
 * database `_revs_diff`, `_bulk_docs` (new_edits false), `_changes`, `_bulk_get` and `_local`
 * checkpoints. No PouchDB in the app. Credentials go to `/_session` once and are never kept: the
 * browser holds the session cookie. Every failure is a `SyncError`.
 */

export type CouchClientOptions = {
  /** The server's base URL, e.g. `/couchdb` on the app's own origin. */
  baseUrl: string;
  /** Tests pass a fetch with a cookie jar; the browser's own keeps the session cookie. */
  fetch?: typeof fetch;
  /** How long one request may take before it counts as a timeout. */
  timeoutMs?: number;
  /** The largest answer read at all. */
  maxResponseBytes?: number;
};

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Far above a full loop's batch of documents (a scorecard is at most about 3 MB). */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** One document larger than this is refused (a scorecard with every field full is about 3 MB). */
export const MAX_DOC_BYTES = 8 * 1024 * 1024;

export type RevsDiff = Record<string, { missing: string[] }>;
export type BulkDocsResult = { id: string; ok: boolean; error?: string; reason?: string };
export type ChangesAnswer = { results: { id: string; seq: string; revs: string[]; deleted: boolean }[]; lastSeq: string };
export type BulkGetAnswer = { id: string; rev: string; doc: Record<string, unknown> | null; bytes: number }[];
export type ChangesRequest = { since: string; selector?: Record<string, unknown>; limit?: number; feed?: 'normal' | 'longpoll'; longpollMs?: number };

const SessionSchema = z.object({ userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }) });
const SignInSchema = z.object({ ok: z.literal(true), name: z.string().nullable().optional() });
const RevsDiffSchema = z.record(z.string(), z.object({ missing: z.array(z.string()).default([]) }));
const BulkDocsSchema = z.array(z.object({ id: z.string(), rev: z.string().optional(), ok: z.boolean().optional(), error: z.string().optional(), reason: z.string().optional() }));
const SeqSchema = z.union([z.string(), z.number()]).transform(String);
const ChangesSchema = z.object({
  results: z.array(z.object({ id: z.string(), seq: SeqSchema, changes: z.array(z.object({ rev: z.string() })), deleted: z.boolean().optional() })),
  last_seq: SeqSchema,
});
const BulkGetSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      docs: z.array(z.union([z.object({ ok: z.record(z.string(), z.unknown()) }), z.object({ error: z.record(z.string(), z.unknown()) }), z.object({ missing: z.string() })])),
    }),
  ),
});
const LocalDocSchema = z.looseObject({ _id: z.string(), _rev: z.string().optional() });

export type CouchClient = ReturnType<typeof createCouchClient>;
export type CouchDatabase = ReturnType<CouchClient['database']>;

export function createCouchClient(options: CouchClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;

  /** One request; answers the parsed JSON of a 2xx, null for an allowed 404, or throws a SyncError. */
  async function request<T>(method: string, path: string, schema: z.ZodType<T>, init: { body?: unknown; allow404?: boolean; timeoutMs?: number; during?: 'sign-in' } = {}): Promise<{ value: T; bytes: number } | null> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), init.timeoutMs ?? timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        credentials: 'include',
        headers: { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: controller.signal,
      });
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > maxBytes) {
        void response.body?.cancel();
        throw new SyncError('oversized', `${method} ${path}: ${declared} bytes`, response.status);
      }
      text = await response.text();
    } catch (error) {
      if (error instanceof SyncError) throw error;
      if (controller.signal.aborted) throw new SyncError('timeout', `${method} ${path}: no answer within ${init.timeoutMs ?? timeoutMs} ms`);
      throw new SyncError('offline', `${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
    const bytes = text.length;
    if (bytes > maxBytes) throw new SyncError('oversized', `${method} ${path}: ${bytes} characters`, response.status);
    if (response.status === 404 && init.allow404) return null;
    if (response.status === 401 && init.during === 'sign-in') throw new SyncError('wrong-password', `${method} ${path}: 401`, 401);
    if (response.status === 401 || response.status === 403) throw new SyncError('refused', `${method} ${path}: ${response.status}`, response.status);
    if (response.status >= 500) throw new SyncError('server', `${method} ${path}: ${response.status}`, response.status);
    if (response.status === 413) throw new SyncError('oversized', `${method} ${path}: 413`, 413);
    if (response.status < 200 || response.status >= 300) throw new SyncError('server', `${method} ${path}: unexpected ${response.status}`, response.status);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncError('malformed', `${method} ${path}: not JSON`, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('malformed', `${method} ${path}: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`, response.status);
    return { value: parsed.data, bytes };
  }

  async function required<T>(method: string, path: string, schema: z.ZodType<T>, init: Parameters<typeof request>[3] = {}): Promise<T> {
    const answer = await request(method, path, schema, init);
    if (!answer) throw new SyncError('server', `${method} ${path}: missing`, 404);
    return answer.value;
  }

  return {
    /** Signs in with CouchDB's cookie session; the password is sent once and not kept. */
    async signIn(name: string, password: string): Promise<{ name: string }> {
      const answer = await required('POST', '/_session', SignInSchema, { body: { name, password }, during: 'sign-in' });
      return { name: answer.name ?? name };
    },
    async signOut(): Promise<void> {
      await required('DELETE', '/_session', z.object({ ok: z.boolean() }));
    },
    /** Who the session cookie signs in, or null. */
    async sessionUser(): Promise<string | null> {
      return (await required('GET', '/_session', SessionSchema)).userCtx.name;
    },

    /**
     * The loop databases the server lists for this user in their own user document (the team
     * admin command writes them there; every user may read their own).
     */
    async userLoops(name: string): Promise<string[]> {
      const answer = await request('GET', `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`, z.looseObject({ loopcard_loops: z.array(z.string()).optional() }), { allow404: true });
      return answer?.value.loopcard_loops ?? [];
    },

    database(name: string) {
      const db = `/${encodeURIComponent(name)}`;
      return {
        name,
        /** Which of these revisions the server lacks. */
        async revsDiff(revs: Record<string, string[]>): Promise<RevsDiff> {
          if (Object.keys(revs).length === 0) return {};
          return required('POST', `${db}/_revs_diff`, RevsDiffSchema, { body: revs });
        },
        /** Writes documents with the revisions they carry (replication), each answered on its own. */
        async bulkDocs(docs: readonly object[]): Promise<BulkDocsResult[]> {
          if (docs.length === 0) return [];
          const answer = await required('POST', `${db}/_bulk_docs`, BulkDocsSchema, { body: { docs, new_edits: false } });
          return answer.map((r) => ({ id: r.id, ok: r.error === undefined, ...(r.error === undefined ? {} : { error: r.error }), ...(r.reason === undefined ? {} : { reason: r.reason }) }));
        },
        /** What changed since an opaque sequence, every leaf revision of each document. */
        async changes(req: ChangesRequest): Promise<ChangesAnswer> {
          const params = new URLSearchParams({ style: 'all_docs', since: req.since });
          if (req.limit !== undefined) params.set('limit', String(req.limit));
          if (req.feed === 'longpoll') {
            params.set('feed', 'longpoll');
            params.set('timeout', String(req.longpollMs ?? 25_000));
          }
          if (req.selector) params.set('filter', '_selector');
          const wait = req.feed === 'longpoll' ? (req.longpollMs ?? 25_000) + timeoutMs : timeoutMs;
          const answer = await required(req.selector ? 'POST' : 'GET', `${db}/_changes?${params.toString()}`, ChangesSchema, {
            timeoutMs: wait,
            ...(req.selector ? { body: { selector: req.selector } } : {}),
          });
          return {
            results: answer.results.map((r) => ({ id: r.id, seq: r.seq, revs: r.changes.map((c) => c.rev), deleted: r.deleted === true })),
            lastSeq: answer.last_seq,
          };
        },
        /** The documents at these revisions; a revision the server lacks answers with no document. */
        async bulkGet(refs: readonly { id: string; rev: string }[]): Promise<BulkGetAnswer> {
          if (refs.length === 0) return [];
          const answer = await required('POST', `${db}/_bulk_get`, BulkGetSchema, { body: { docs: refs } });
          const out: BulkGetAnswer = [];
          for (const result of answer.results) {
            for (const entry of result.docs) {
              if ('ok' in entry) out.push({ id: result.id, rev: typeof entry.ok._rev === 'string' ? entry.ok._rev : '', doc: entry.ok, bytes: JSON.stringify(entry.ok).length });
              else out.push({ id: result.id, rev: 'missing' in entry ? entry.missing : String(entry.error.rev ?? ''), doc: null, bytes: 0 });
            }
          }
          return out;
        },
        /** A document by id (the design document), or null; with `conflicts`, its conflicting leaves in `_conflicts`. */
        async get(id: string, query: { conflicts?: boolean } = {}): Promise<Record<string, unknown> | null> {
          const path = id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice('_design/'.length))}` : encodeURIComponent(id);
          return (await request('GET', `${db}/${path}${query.conflicts ? '?conflicts=true' : ''}`, z.record(z.string(), z.unknown()), { allow404: true }))?.value ?? null;
        },
        /** A checkpoint, or null when the server has none (or forgot it). */
        async getLocal(id: string): Promise<Record<string, unknown> | null> {
          return (await request('GET', `${db}/_local/${encodeURIComponent(id)}`, LocalDocSchema, { allow404: true }))?.value ?? null;
        },
        async putLocal(id: string, body: Record<string, unknown>): Promise<void> {
          const path = `${db}/_local/${encodeURIComponent(id)}`;
          const current = await request('GET', path, LocalDocSchema, { allow404: true });
          await required('PUT', path, z.object({ ok: z.boolean() }), { body: { ...body, _id: `_local/${id}`, ...(current?.value._rev ? { _rev: current.value._rev } : {}) } });
        },
      };
    },
  };
}
