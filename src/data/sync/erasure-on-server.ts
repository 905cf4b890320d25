import { sha256OfCanonical } from '../../domain/hash';
import { revNumber } from '../../domain/revision';
import { docLabel, loopDatabaseName } from '../../domain/sync-docs';
import type { CouchClient } from './couch-client';
import { SyncError } from './sync-error';

/**
 * Erasure on the team server: after a candidate is erased on the lead's device, every document of
 * their loop database is deleted there too — each leaf revision (conflicts included) gets a
 * deleted child, written with `_bulk_docs` by the signed-in lead, whom the loop's security object
 * makes the database's admin (the design document lets only admins delete a submitted scorecard
 * revision or a rubric version). The deletions are the same on every device that makes them, so
 * trying again is harmless, and the revisions they close stay known to the server: a device still
 * holding a copy cannot push it back, and every device refuses it on pull anyway.
 *
 * The database itself, its design document and checkpoints stay (deleting a database takes the
 * server's admin: `npm run team -- delete-loop`); CouchDB drops the deleted revisions' content
 * when it compacts the database.
 */

export type ServerErasure = {
  /** Documents deleted now (those deleted before are not counted). */
  deleted: number;
  /** Plain sentences: what the server refused to delete, and why. */
  refused: string[];
};

const BATCH = 100;

/** A deleted revision closing one leaf, the same wherever it is made. */
function tombstone(id: string, leaf: string) {
  const hash = sha256OfCanonical({ erases: leaf, id }).slice(0, 32);
  const start = revNumber(leaf) + 1;
  return { _id: id, _rev: `${start}-${hash}`, _deleted: true as const, _revisions: { start, ids: [hash, leaf.slice(leaf.indexOf('-') + 1)] } };
}

export async function eraseOnServer(client: CouchClient, candidateId: string): Promise<ServerErasure> {
  const remote = client.database(loopDatabaseName(candidateId));
  const result: ServerErasure = { deleted: 0, refused: [] };
  // Every leaf of every document, read from the start of the changes feed in batches.
  const leaves: { id: string; rev: string }[] = [];
  let since = '0';
  for (;;) {
    let changes;
    try {
      changes = await remote.changes({ since, limit: BATCH });
    } catch (error) {
      // No loop database on the server: nothing of this candidate is there to erase.
      if (error instanceof SyncError && error.status === 404) return result;
      throw error;
    }
    for (const change of changes.results) {
      if (change.id.startsWith('_design/')) continue;
      for (const rev of change.revs) leaves.push({ id: change.id, rev });
    }
    since = changes.lastSeq;
    if (changes.results.length < BATCH) break;
  }
  const deleted = new Set<string>();
  const refusedIds = new Set<string>();
  for (let i = 0; i < leaves.length; i += BATCH) {
    const fetched = await remote.bulkGet(leaves.slice(i, i + BATCH));
    // A leaf already deleted (an earlier erasure, a closed conflict) needs nothing more.
    const live = fetched.filter((entry) => entry.doc !== null && entry.doc._deleted !== true);
    const answers = await remote.bulkDocs(live.map((entry) => tombstone(entry.id, entry.rev)));
    for (const answer of answers) {
      if (answer.ok) continue;
      if (answer.error === 'unauthorized') throw new SyncError('refused', `_bulk_docs: ${answer.id} unauthorized`, 403);
      refusedIds.add(answer.id);
      result.refused.push(`The team server refused to delete ${docLabel(answer.id)}: ${answer.reason ?? 'no reason given.'}`);
    }
    // CouchDB answers a replicated write only where it failed.
    for (const entry of live) if (!refusedIds.has(entry.id)) deleted.add(entry.id);
  }
  return { ...result, deleted: deleted.size };
}
