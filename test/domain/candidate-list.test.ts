import { describe, expect, it } from 'vitest';
import { filterCandidates, searchableCandidates } from '../../src/domain/candidate-list';
import type { Candidate } from '../../src/domain/candidate';

const candidate = (id: string, name: string, roleId: string): Candidate => ({
  id,
  roleId,
  name,
  notes: '',
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  rev: '1-0',
  revHistory: [],
});

const list = searchableCandidates([
  candidate('c1', 'Jonas Weiß', 'serving'),
  candidate('c2', 'Zoë Adams', 'serving'),
  candidate('c3', 'Ana  Lopez', 'pipelines'),
  candidate('c4', 'ANA LOPEZ-GARCÍA', 'serving'),
]);
const ids = (roleId: string, text: string) => filterCandidates(list, { roleId, text }).map((c) => c.id);

describe('filtering the candidates list', () => {
  it.each([
    ['every candidate, in the list’s order', '', '', ['c1', 'c2', 'c3', 'c4']],
    ['one role', 'serving', '', ['c1', 'c2', 'c4']],
    ['a role with no candidate', 'unknown-role', '', []],
    ['any part of the name, whatever the case', '', 'lopez', ['c3', 'c4']],
    ['text and role together', 'pipelines', 'lopez', ['c3']],
    ['ß as ss', '', 'WEISS', ['c1']],
    ['spacing ignored', '', '  ana   lopez ', ['c3', 'c4']],
    ['accents kept: Zoe is not Zoë', '', 'zoe', []],
    ['Zoë typed decomposed', '', 'zoe\u0308', ['c2']],
    ['blank text matches everyone', '', ' \u200b ', ['c1', 'c2', 'c3', 'c4']],
    ['text no name holds', '', 'nobody', []],
  ])('%s', (_what, roleId, text, expected) => {
    expect(ids(roleId, text)).toEqual(expected);
  });
});
