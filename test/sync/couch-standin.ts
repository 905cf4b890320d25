import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The team server for tests: a CouchDB-protocol server from npm (express-pouchdb over an in-memory
 * PouchDB), listening on 127.0.0.1 on a free port, started and stopped by the tests themselves.
 * With `COUCH_URL` set (admin credentials in it, e.g. http://admin:pw@127.0.0.1:5984), the same
 * tests run against that real CouchDB instead: one kept for tests only, since stopping removes
 * every `loop-` database on it (users stay; the tests set their passwords each time).
 */
export type CouchServer = {
  /** The server's base URL, without credentials and without a trailing slash. */
  url: string;
  kind: 'stand-in' | 'couchdb';
  admin: { name: string; password: string };
  /** Headers that authenticate as the server admin (Basic). */
  adminHeaders: () => Record<string, string>;
  stop: () => Promise<void>;
};

const require = createRequire(import.meta.url);

type Middleware = (req: IncomingMessage & { body?: unknown; url: string; query?: Record<string, string> }, res: ServerResponse, next: () => void) => void;
type ExpressApp = { listen: (port: number, host: string, ready: () => void) => Server; use: (handler: Middleware) => void };
type ExpressFactory = (() => ExpressApp) & { json: (options: { limit: string }) => Middleware };

let instance = 0;

type PouchClass = { plugin: (p: unknown) => PouchClass; defaults: (o: object) => unknown };
let plugged: PouchClass | null = null;

/**
 * PouchDB in memory only, with what express-pouchdb needs: replication and the HTTP adapter for
 * its replicator daemon, map/reduce for the users database. Plugged in once per process (a plugin
 * cannot be added twice); each server gets its own databases through `defaults`.
 */
function pluggedPouchDb(): PouchClass {
  plugged ??= (require('pouchdb-core') as PouchClass)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-adapter-http'));
  return plugged;
}

export async function startCouch(): Promise<CouchServer> {
  const external = process.env.COUCH_URL;
  if (external) return connectExternalCouch(external);

  const MemoryPouch = pluggedPouchDb().defaults({ adapter: 'memory', prefix: `standin-${process.pid}-${instance++}-` });
  const expressPouchDb = require('express-pouchdb') as (pouch: unknown, options: object) => Middleware;
  const express = require('express') as ExpressFactory;
  const couch = expressPouchDb(MemoryPouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' });

  const app = express();
  // Three gaps between express-pouchdb 4.2 and CouchDB 3, bridged without changing anything else
  // (the stand-in's own test shows the first two, the erasure test the third): a `_selector` filter
  // is read from the query string only, a replicated write loses the revision history it carries
  // when the database has a validation function, and `_bulk_docs` validates with an empty
  // security object, so a database's admin (the loop's lead) is not recognised there.
  let self: { url: string; headers: Record<string, string> } | null = null;
  app.use(selectorFromBody(express));
  app.use(keepCarriedHistory(express));
  app.use(securityForBulkDocs(() => self));
  app.use(couch);

  const server = await new Promise<Server>((resolve) => {
    const s: Server = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const admin = { name: 'admin', password: `pw-${port}` };
  const adminHeaders = () => ({ authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` });
  self = { url, headers: adminHeaders() };
  // A fresh express-pouchdb is an "admin party" until an admin exists, as CouchDB once was.
  const made = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password), headers: { 'content-type': 'application/json' } });
  if (!made.ok) throw new Error(`The stand-in did not accept its admin (${made.status}).`);
  return {
    url,
    kind: 'stand-in',
    admin,
    adminHeaders,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function selectorFromBody(express: ExpressFactory): Middleware {
  const parse = express.json({ limit: '1mb' });
  return (req, res, next) => {
    const [path = '', query = ''] = req.url.split('?');
    if (req.method !== 'POST' || !path.endsWith('/_changes') || !new URLSearchParams(query).has('filter')) return next();
    parse(req, res, () => {
      const body = req.body as { selector?: unknown } | undefined;
      const params = new URLSearchParams(query);
      if (params.get('filter') === '_selector' && body && typeof body === 'object' && body.selector !== undefined) {
        params.set('selector', JSON.stringify(body.selector));
        req.url = `${path}?${params.toString()}`;
        // The outer app has parsed the query already; the inner one keeps what it finds.
        req.query = Object.fromEntries(params);
      }
      next();
    });
  };
}

/**
 * pouchdb-validation 4.2 sets `newDoc._revisions` to the stored document's before validating,
 * so a write with `new_edits: false` that extends a document (a new revision of a debrief) is
 * silently dropped. The history each document carries is made to stay as sent.
 */
function keepCarriedHistory(express: ExpressFactory): Middleware {
  const parse = express.json({ limit: '64mb' });
  return (req, res, next) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method !== 'POST' || !path.endsWith('/_bulk_docs')) return next();
    parse(req, res, () => {
      const body = req.body as { docs?: unknown } | undefined;
      for (const doc of Array.isArray(body?.docs) ? (body.docs as unknown[]) : []) {
        if (typeof doc !== 'object' || doc === null) continue;
        const carried = (doc as { _revisions?: unknown })._revisions;
        if (carried === undefined) continue;
        Object.defineProperty(doc, '_revisions', { enumerable: true, configurable: false, get: () => carried, set: () => {} });
      }
      next();
    });
  };
}

/**
 * express-pouchdb registers `_bulk_docs` before the route that reads a database's security object,
 * so its validation functions get `{}` as `secObj` there (a single document's PUT gets the real
 * one). The object is read first, as the server's admin, and handed on as CouchDB does.
 */
function securityForBulkDocs(server: () => { url: string; headers: Record<string, string> } | null): Middleware {
  return (req, _res, next) => {
    const path = req.url.split('?')[0] ?? '';
    const known = server();
    if (req.method !== 'POST' || !path.endsWith('/_bulk_docs') || !known) return next();
    const db = path.slice(1, -'/_bulk_docs'.length);
    fetch(`${known.url}/${db}/_security`, { headers: known.headers })
      .then(async (answer) => {
        if (answer.ok) (req as { couchSecurityObj?: unknown }).couchSecurityObj = await answer.json();
      })
      .then(next, next);
  };
}

async function connectExternalCouch(raw: string): Promise<CouchServer> {
  const parsed = new URL(raw);
  const admin = { name: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
  parsed.username = '';
  parsed.password = '';
  const url = parsed.toString().replace(/\/$/, '');
  const adminHeaders = () => ({ authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` });
  // The welcome answer, which every CouchDB (and the stand-in, which has no `/_up`) gives.
  const up = await fetch(`${url}/`, { headers: adminHeaders() });
  if (!up.ok) throw new Error(`CouchDB at ${url} is not up (${up.status}).`);
  return {
    url,
    kind: 'couchdb',
    admin,
    adminHeaders,
    // A CouchDB for tests only: stopping removes every loop database, so the next test starts clean.
    stop: async () => {
      const dbs = (await (await fetch(`${url}/_all_dbs`, { headers: adminHeaders() })).json()) as string[];
      for (const db of dbs.filter((name) => name.startsWith('loop-'))) await fetch(`${url}/${encodeURIComponent(db)}`, { method: 'DELETE', headers: adminHeaders() });
    },
  };
}
