import { describe, expect, it } from 'vitest';
import {
  COUCH_DB_NAME_PATTERN,
  SYNC_DOC_SCHEMA,
  candidateIdOfDatabase,
  closingRevisions,
  couchRevisionsOf,
  hasMergedHistory,
  docLabel,
  filterName,
  pullSelector,
  fromSyncDoc,
  loopAssignmentOf,
  loopDatabaseName,
  loopDesignDoc,
  toSyncDoc,
  validateDocUpdateSource,
  type SyncDoc,
  type SyncRecord,
} from '../../src/domain/sync-docs';
import { mergeRevisions, reviseRecord } from '../../src/domain/revision';
import { createDraftScorecard, hashedContent } from '../../src/domain/scorecard-rules';
import { sha256OfCanonical } from '../../src/domain/hash';
import { loopRecords, present, scorecardRecords } from './sync-fixtures';

const loop = loopRecords();
const cards = scorecardRecords();
const role = present(loop.roles[0]);
const candidate = present(loop.candidates[0]);
const interview = present(loop.interviews[0]);
const rubric = present(loop.rubrics[0]);
const first = present(cards.scorecardRevisions.find((r) => r.revision === 1));
const second = present(cards.scorecardRevisions.find((r) => r.revision === 2));

function doc(item: SyncRecord): SyncDoc {
  const mapped = toSyncDoc(item);
  if (!('_id' in mapped)) throw new Error(mapped.reason);
  return mapped;
}

describe('the loop database name', () => {
  it.each([
    ['fx-candidate-1', 'loop-fx-candidate-1'],
    ['Cand_7Xy', 'loop-$cand_7$xy'],
    ['ABC', 'loop-$a$b$c'],
    ['a-b_c', 'loop-a-b_c'],
    ['9lives', 'loop-9lives'],
  ])('%s → %s, which CouchDB accepts and reads back', (id, name) => {
    expect(loopDatabaseName(id)).toBe(name);
    expect(name).toMatch(COUCH_DB_NAME_PATTERN);
    expect(candidateIdOfDatabase(name)).toBe(id);
  });

  it('two ids that differ only by case get two databases', () => {
    expect(loopDatabaseName('abc')).not.toBe(loopDatabaseName('aBc'));
  });

  it('refuses an id that is not an identifier, and a name that is not a loop database', () => {
    expect(() => loopDatabaseName('has space')).toThrow();
    expect(() => loopDatabaseName('')).toThrow();
    expect(() => loopDatabaseName('x'.repeat(65))).toThrow();
    for (const name of ['_users', 'loop-', 'loop-$', 'loop-$1', 'loop-a$', 'loop-ABC', 'role-x', 'loop-a/b']) expect(candidateIdOfDatabase(name)).toBeNull();
  });
});

describe('records as team-server documents', () => {
  it('gives an edited record its own revision and history as CouchDB’s', () => {
    const edited = reviseRecord({ ...role, title: 'Serving lead' }, role);
    const mapped = doc({ kind: 'role', record: edited });
    expect(mapped._id).toBe('role:fx-role-1');
    expect(mapped._rev).toBe(edited.rev);
    expect(mapped._revisions).toEqual({ start: 2, ids: [edited.rev.slice(2), role.rev.slice(2)] });
    expect(mapped.record).toEqual(edited);
    expect(doc({ kind: 'candidate', record: candidate })._id).toBe('candidate:fx-candidate-1');
    expect(doc({ kind: 'interview', record: interview })._id).toBe('interview:fx-interview-1');
  });

  it('follows one line of a history merged from two branches, never joining the two', () => {
    const base = reviseRecord({ ...role, title: 'A' }, role);
    const mine = reviseRecord({ ...base, title: 'Mine' }, base);
    const theirs = reviseRecord({ ...base, title: 'Theirs' }, base);
    const merged = mergeRevisions(mine, theirs);
    expect(couchRevisionsOf(merged.rev, merged.revHistory)).toEqual({ start: 4, ids: [merged.rev.slice(2), mine.rev.slice(2)] });
    // A branch of fewer edits chosen over a longer one: its line is not continued by the other's.
    const longer = reviseRecord({ ...theirs, title: 'Theirs again' }, theirs);
    const chosen = mergeRevisions(mine, longer);
    expect(couchRevisionsOf(chosen.rev, chosen.revHistory)).toEqual({ start: 5, ids: [chosen.rev.slice(2)] });
    const next = reviseRecord({ ...chosen, title: 'After' }, chosen);
    expect(couchRevisionsOf(next.rev, next.revHistory)).toEqual({ start: 6, ids: [next.rev.slice(2), chosen.rev.slice(2)] });
  });

  it('closes the server’s branches a choice has decided, and only those', () => {
    const base = reviseRecord({ ...role, title: 'A' }, role);
    const mine = reviseRecord({ ...base, title: 'Mine' }, base);
    const theirs = reviseRecord({ ...base, title: 'Theirs' }, base);
    const stranger = '3-99999999999999999999999999999999';
    expect(hasMergedHistory({ kind: 'role', record: mine })).toBe(false);
    expect(closingRevisions({ kind: 'role', record: mine }, [theirs.rev])).toEqual([]);
    const chosen = mergeRevisions(mine, theirs);
    expect(hasMergedHistory({ kind: 'role', record: chosen })).toBe(true);
    const closing = closingRevisions({ kind: 'role', record: chosen }, [mine.rev, theirs.rev, stranger]);
    expect(closing).toEqual([{ _id: 'role:fx-role-1', _rev: expect.stringMatching(/^4-[0-9a-f]{32}$/), _deleted: true, _revisions: { start: 4, ids: [expect.any(String), theirs.rev.slice(2)] } }]);
    expect(closingRevisions({ kind: 'role', record: structuredClone(chosen) }, [theirs.rev])).toEqual(closing);
    expect(closingRevisions({ kind: 'scorecardRevision', record: first }, [theirs.rev])).toEqual([]);
  });

  it('stores a submitted revision under its hash: the same revision from two devices is one document', () => {
    const here = doc({ kind: 'scorecardRevision', record: first });
    const there = doc({ kind: 'scorecardRevision', record: structuredClone(first) });
    expect(here._id).toBe(`scorecard:${first.id}:1`);
    expect(here._rev).toBe(`1-${present(first.contentHash).slice(0, 32)}`);
    expect(there).toEqual(here);
    expect(doc({ kind: 'scorecardRevision', record: second })._id).toBe(`scorecard:${first.id}:2`);
  });

  it('sends a submitted revision whole, running notes included', () => {
    const unsealed = { ...second, pad: [{ id: 'l1', text: 'Paged at 02:10, rolled back by 02:40.', stamp: '00:04', tag: 'rollback' }] };
    const withPad = { ...unsealed, contentHash: sha256OfCanonical(hashedContent(unsealed)) };
    const mapped = doc({ kind: 'scorecardRevision', record: withPad });
    expect(mapped.record).toEqual(withPad);
    expect(fromSyncDoc(JSON.parse(JSON.stringify(mapped)))).toEqual({ ok: true, item: { kind: 'scorecardRevision', record: withPad } });
  });

  it('never maps a draft, nor the running notes of a scorecard not yet submitted', () => {
    const draft = { ...createDraftScorecard(interview, rubric, 'sc-draft', '2026-11-02T09:00:00.000Z'), pad: [{ id: 'l1', text: 'said “we”', stamp: '00:01', tag: null }] };
    expect(toSyncDoc({ kind: 'scorecardRevision', record: draft })).toEqual({ shared: false, reason: expect.stringContaining('not submitted') });
  });

  it('gives a rubric version a revision from its whole content', () => {
    const mapped = doc({ kind: 'rubric', record: rubric });
    expect(mapped._id).toBe(`rubric:${rubric.id}:${rubric.version}`);
    expect(doc({ kind: 'rubric', record: structuredClone(rubric) })._rev).toBe(mapped._rev);
    expect(doc({ kind: 'rubric', record: { ...rubric, title: 'Changed' } })._rev).not.toBe(mapped._rev);
  });
});

describe('documents from the team server', () => {
  it('reads back every record it wrote', () => {
    for (const item of [
      { kind: 'role', record: role },
      { kind: 'candidate', record: candidate },
      { kind: 'rubric', record: rubric },
      { kind: 'interview', record: interview },
      { kind: 'scorecardRevision', record: second },
    ] as SyncRecord[]) {
      expect(fromSyncDoc(JSON.parse(JSON.stringify(doc(item))))).toEqual({ ok: true, item });
    }
  });

  it('brings a record from an earlier Loopcard up to date, as the database and files do', () => {
    const { lineage: _lineage, basedOn: _basedOn, author: _author, ...beforeLibrary } = rubric;
    const older = { ...doc({ kind: 'rubric', record: rubric }), schema: 4, record: beforeLibrary };
    expect(fromSyncDoc(older)).toEqual({ ok: true, item: { kind: 'rubric', record: rubric } });
    expect(SYNC_DOC_SCHEMA).toBeGreaterThanOrEqual(6);
  });

  it('refuses a scorecard revision whose content no longer matches its hash', () => {
    const tampered = doc({ kind: 'scorecardRevision', record: first });
    tampered.record = { ...tampered.record, recommendation: 'strong-yes' };
    expect(fromSyncDoc(tampered)).toEqual({ ok: false, reason: expect.stringContaining('no longer matches its hash') });
  });

  it('refuses a revision whose hash was recomputed but whose _rev was not', () => {
    const stale = { ...doc({ kind: 'scorecardRevision', record: first }), _rev: doc({ kind: 'scorecardRevision', record: second })._rev };
    expect(fromSyncDoc(stale)).toEqual({ ok: false, reason: expect.stringContaining('not its hash') });
  });

  it('refuses documents that are not Loopcard records, belong elsewhere, or come from a newer Loopcard', () => {
    const roleDoc = doc({ kind: 'role', record: role });
    const cases: [unknown, string][] = [
      [null, 'not a Loopcard record'],
      [{ _id: 'x', _rev: '1-abc' }, 'not a Loopcard record'],
      [{ ...roleDoc, kind: 'secret' }, 'not a Loopcard record'],
      [{ ...roleDoc, schema: 99 }, 'newer Loopcard'],
      [{ ...roleDoc, _id: 'role:another' }, 'holding another record'],
      [{ ...roleDoc, _rev: '7-0123456789abcdef0123456789abcdef' }, 'revision its record does not carry'],
      [{ ...roleDoc, record: { ...roleDoc.record, title: '' } }, 'cannot accept'],
      [{ ...doc({ kind: 'rubric', record: rubric }), record: { ...rubric, title: 'Edited' } }, 'rubric version that was changed'],
    ];
    for (const [input, reason] of cases) expect(fromSyncDoc(input)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});

it('names documents in words', () => {
  expect(['role:r', 'scorecard:s:2', 'debrief:d', 'interview:i', 'rubric:x:1', 'candidate:c', 'x', '_design/loopcard'].map(docLabel)).toEqual([
    'the role',
    'a scorecard revision',
    'the debrief',
    'an interview',
    'a rubric version',
    'the candidate',
    'a document',
    'a document',
  ]);
});

describe('what a device pulls', () => {
  it('filters colleagues’ scorecards out until the interviewer has submitted; the lead pulls everything', () => {
    expect(pullSelector({ role: 'lead' })).toBeNull();
    expect(pullSelector({ role: 'interviewer', ownInterviewIds: ['iv-2'], submitted: true })).toBeNull();
    expect(pullSelector({ role: 'interviewer', ownInterviewIds: ['iv-2', 'iv-1'], submitted: false })).toEqual({
      $or: [{ kind: { $ne: 'scorecardRevision' } }, { 'record.interviewId': { $in: ['iv-1', 'iv-2'] } }],
    });
  });

  it('names each filter, so a checkpoint is kept per filter', () => {
    const narrow = pullSelector({ role: 'interviewer', ownInterviewIds: ['iv-2'], submitted: false });
    expect(filterName(null)).toBe('all');
    expect(filterName(narrow)).toMatch(/^[0-9a-f]{12}$/);
    expect(filterName(narrow)).toBe(filterName(pullSelector({ role: 'interviewer', ownInterviewIds: ['iv-2'], submitted: false })));
    expect(filterName(narrow)).not.toBe(filterName(pullSelector({ role: 'interviewer', ownInterviewIds: ['iv-3'], submitted: false })));
  });
});

describe('the loop’s design document', () => {
  const assignment = { candidateId: 'fx-candidate-1', lead: 'lead', slots: { 'fx-interview-1': 'zofia', 'fx-interview-2': 'ben' } };
  // The function as CouchDB runs it, built from its source text.
  const validate = new Function(`return (${validateDocUpdateSource(assignment)});`)() as (n: unknown, o: unknown, u: unknown, s: unknown) => void;
  const secObj = { admins: { names: ['lead'], roles: [] }, members: { names: ['zofia', 'ben', 'lead'], roles: [] } };
  const user = (name: string, roles: string[] = []) => ({ name, roles, db: 'loop-fx-candidate-1' });
  const verdict = (newDoc: unknown, oldDoc: unknown, who = user('zofia')) => {
    try {
      validate(newDoc, oldDoc, who, secObj);
      return 'accepted';
    } catch (error) {
      return (error as { forbidden?: string }).forbidden ?? 'threw something else';
    }
  };
  const card = doc({ kind: 'scorecardRevision', record: first });

  it('carries the assignment and reads it back', () => {
    expect(loopAssignmentOf(JSON.parse(JSON.stringify(loopDesignDoc(assignment))))).toEqual(assignment);
    expect(loopAssignmentOf({ loopcard: { ...assignment, lead: 'Not A User' } })).toBeNull();
    expect(() => loopDesignDoc({ ...assignment, slots: { 'fx-interview-1': 'Zofia Ł' } })).toThrow();
  });

  it('accepts the slot’s interviewer sharing their submitted revision, and the same one again', () => {
    expect(verdict(card, null)).toBe('accepted');
    expect(verdict(card, card)).toBe('accepted');
  });

  it('refuses the revision from anyone else, even the lead', () => {
    expect(verdict(card, null, user('ben'))).toBe('Only the interviewer of this slot may share its scorecard.');
    expect(verdict(card, null, user('lead'))).toBe('Only the interviewer of this slot may share its scorecard.');
    const linhs = { ...card, record: { ...card.record, interviewId: 'fx-interview-3' } };
    expect(verdict(linhs, null)).toBe('Only the interviewer of this slot may share its scorecard.');
  });

  it('refuses any change to a submitted revision, and its deletion except by the loop’s admins', () => {
    expect(verdict({ ...card, _rev: '2-0123456789abcdef0123456789abcdef' }, card)).toBe('A submitted scorecard revision or a rubric version never changes.');
    expect(verdict({ _id: card._id, _rev: '2-0123456789abcdef0123456789abcdef', _deleted: true }, card)).toContain('only by erasure');
    expect(verdict({ _id: card._id, _rev: '2-0123456789abcdef0123456789abcdef', _deleted: true }, card, user('lead'))).toBe('accepted');
  });

  it('refuses a revision not stored under its hash, a draft, and documents without the basic shape', () => {
    expect(verdict({ ...card, _rev: '1-ffffffffffffffffffffffffffffffff' }, null)).toBe('A scorecard revision is stored under its hash.');
    expect(verdict({ ...card, record: { ...card.record, status: 'draft', contentHash: null } }, null)).toBe('Only submitted scorecard revisions are shared.');
    expect(verdict({ _id: 'x', _rev: '1-a' }, null)).toBe('Not a Loopcard record.');
    expect(verdict({ ...card, kind: 'secret' }, null)).toBe('Not a Loopcard record.');
    expect(verdict({ ...doc({ kind: 'role', record: role }), _id: 'role:other' }, null)).toBe('A Loopcard record is stored under its own id.');
  });

  it('lets any member share the loop’s edited records', () => {
    const debriefish = doc({ kind: 'interview', record: interview });
    expect(verdict(debriefish, null, user('ben'))).toBe('accepted');
    expect(verdict(doc({ kind: 'role', record: reviseRecord({ ...role, title: 'New' }, role) }), doc({ kind: 'role', record: role }), user('lead'))).toBe('accepted');
  });
});
