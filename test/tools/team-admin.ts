import type { z } from 'zod';
import { LoopAssignmentSchema, loopDatabaseName, loopDesignDoc, TeamUserSchema, type LoopAssignment } from '../../src/domain/sync-docs';

/**
 * What a team's CouchDB admin does for Loopcard: create users, and a loop database with its
 * security object (members: the loop's interviewers and the lead; admins: the lead) and its design
 * document. Used by `npm run team` and by the sync tests. Every step says what it did.
 */
export type AdminServer = { url: string; headers: Record<string, string> };
export type Log = (line: string) => void;

async function call(server: AdminServer, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...server.headers, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = { error: 'not_json', reason: text.slice(0, 200) };
  }
  return { status: response.status, json };
}

/** The value, or an error whose message is the schema's own sentence (never zod's report). */
function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${what}: ${result.error.issues[0]?.message ?? 'not valid.'}`);
  return result.data;
}

function fail(what: string, answer: { status: number; json: Record<string, unknown> }): never {
  throw new Error(`${what} failed: the server answered ${answer.status} ${String(answer.json.error ?? '')} ${String(answer.json.reason ?? '')}`.trim());
}

/** Makes sure the system databases exist (a fresh single-node CouchDB lacks `_users`). */
export async function ensureSystemDatabases(server: AdminServer, log: Log): Promise<void> {
  for (const name of ['_users']) {
    const answer = await call(server, 'PUT', `/${name}`);
    if (answer.status === 201) log(`Created the system database ${name}.`);
    else if (answer.status !== 412) fail(`Creating ${name}`, answer);
  }
}

/** Creates a user, or sets the password of one that exists. */
export async function putUser(server: AdminServer, name: string, password: string, log: Log): Promise<void> {
  const user = checked(TeamUserSchema, name, `The user name “${name}”`);
  if (password.length < 8) throw new Error(`The password for ${user} must be at least 8 characters.`);
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${user}`)}`;
  const existing = await call(server, 'GET', path);
  // A new password keeps the loops the user is listed in.
  const kept = existing.status === 200 && Array.isArray(existing.json[USER_LOOPS_FIELD]) ? { [USER_LOOPS_FIELD]: existing.json[USER_LOOPS_FIELD] } : {};
  const doc = { _id: `org.couchdb.user:${user}`, name: user, type: 'user', roles: [], password, ...kept, ...(existing.status === 200 ? { _rev: existing.json._rev } : {}) };
  const answer = await call(server, 'PUT', path, doc);
  if (answer.status !== 201 && answer.status !== 202) fail(`Creating the user ${user}`, answer);
  log(existing.status === 200 ? `Set a new password for the user ${user}.` : `Created the user ${user}.`);
}

/**
 * Creates the loop's database (or keeps it), sets who may read and write it, and writes the
 * design document that checks every write. Returns the database name.
 */
export async function putLoopDatabase(server: AdminServer, given: LoopAssignment, log: Log): Promise<string> {
  const assignment = checked(LoopAssignmentSchema, given, 'The loop');
  const db = loopDatabaseName(assignment.candidateId);
  const path = `/${encodeURIComponent(db)}`;
  const made = await call(server, 'PUT', path);
  if (made.status === 201 || made.status === 202) log(`Created the database ${db}.`);
  else if (made.status === 412) log(`The database ${db} exists; kept its documents.`);
  else fail(`Creating the database ${db}`, made);

  const members = [...new Set([assignment.lead, ...Object.values(assignment.slots)])].sort();
  const security = { admins: { names: [assignment.lead], roles: [] }, members: { names: members, roles: [] } };
  const secured = await call(server, 'PUT', `${path}/_security`, security);
  if (secured.status !== 200) fail(`Setting who may use ${db}`, secured);
  log(`Members of ${db}: ${members.join(', ')} (lead: ${assignment.lead}).`);

  const design = loopDesignDoc(assignment);
  const designPath = `${path}/${design._id}`;
  const current = await call(server, 'GET', designPath);
  const written = await call(server, 'PUT', designPath, { ...design, ...(current.status === 200 ? { _rev: current.json._rev } : {}) });
  if (written.status !== 201 && written.status !== 202) fail(`Writing the design document of ${db}`, written);
  const slots = Object.entries(assignment.slots).map(([interview, user]) => `${interview} → ${user}`);
  log(`${current.status === 200 ? 'Updated' : 'Wrote'} the design document of ${db}: ${slots.length === 0 ? 'no interview slots yet' : slots.join(', ')}.`);
  for (const member of members) await listLoopForUser(server, member, db, 'add', log);
  return db;
}

/** The field of a user's own `_users` document that names the loops they sync (every user may read their own). */
export const USER_LOOPS_FIELD = 'loopcard_loops';

/**
 * Adds a loop database to (or removes it from) the list in the user's own `_users` document,
 * which the app reads after sign-in to know which loops to pull: no file needed.
 */
export async function listLoopForUser(server: AdminServer, name: string, db: string, change: 'add' | 'remove', log: Log): Promise<void> {
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const existing = await call(server, 'GET', path);
  if (existing.status === 404) {
    log(`The user ${name} does not exist yet: create it with npm run team -- user ${name}, then run this command again.`);
    return;
  }
  if (existing.status !== 200) fail(`Reading the user ${name}`, existing);
  const listed = Array.isArray(existing.json[USER_LOOPS_FIELD]) ? (existing.json[USER_LOOPS_FIELD] as unknown[]).filter((d): d is string => typeof d === 'string') : [];
  const loops = change === 'add' ? [...new Set([...listed, db])].sort() : listed.filter((d) => d !== db);
  if (loops.length === listed.length && loops.every((d, i) => d === listed[i])) return;
  const answer = await call(server, 'PUT', path, { ...existing.json, [USER_LOOPS_FIELD]: loops });
  if (answer.status !== 201 && answer.status !== 202) fail(`Listing ${db} for the user ${name}`, answer);
  log(change === 'add' ? `Listed ${db} among the loops of ${name}.` : `Removed ${db} from the loops of ${name}.`);
}

/** Removes a loop's database (erasure on the server). */
export async function deleteLoopDatabase(server: AdminServer, candidateId: string, log: Log): Promise<void> {
  const db = loopDatabaseName(checked(LoopAssignmentSchema.shape.candidateId, candidateId, 'The candidate id'));
  const security = await call(server, 'GET', `/${encodeURIComponent(db)}/_security`);
  const members = security.status === 200 ? ((security.json.members as { names?: unknown } | undefined)?.names ?? []) : [];
  for (const member of Array.isArray(members) ? members.filter((m): m is string => typeof m === 'string') : []) await listLoopForUser(server, member, db, 'remove', log);
  const answer = await call(server, 'DELETE', `/${encodeURIComponent(db)}`);
  if (answer.status === 404) log(`The database ${db} does not exist.`);
  else if (answer.status !== 200 && answer.status !== 202) fail(`Deleting ${db}`, answer);
  else log(`Deleted the database ${db}.`);
}
