import { describe, expect, it } from 'vitest';
import { emptyRecords, planIncoming, type Records, type SourceKind } from '../../src/domain/incoming-records';
import { loopRecords, present } from '../sync/sync-fixtures';

const NOW = new Date('2026-11-02T09:00:00.000Z');

function refusal(incoming: Records, sourceKind?: SourceKind): string {
  const planned = planIncoming(emptyRecords(), incoming, { now: NOW, source: 'somewhere', ...(sourceKind ? { sourceKind } : {}) });
  if (planned.ok) throw new Error('Expected a refusal.');
  return planned.reason;
}

describe('a refusal speaks of where the records came from', () => {
  const loop = loopRecords();
  const candidate = present(loop.candidates[0]);
  const twice: Records = { ...loop, candidates: [candidate, candidate] };
  const orphan: Records = { ...emptyRecords(), candidates: [candidate] };
  const edited: Records = { ...loop, candidates: [{ ...candidate, name: 'Someone Else' }] };

  it('a file: the file, and a fresh export (also when no source kind is given)', () => {
    expect(refusal(twice, 'file')).toBe('The file lists the candidate Priya Raman twice. It may have been edited by hand; ask for a fresh export.');
    expect(refusal(twice)).toBe(refusal(twice, 'file'));
    expect(refusal(orphan, 'file')).toBe('The file is incomplete: the candidate Priya Raman belongs to a role that is neither in the file nor on this device.');
    expect(refusal(edited, 'file')).toBe('In the file, the candidate Someone Else does not match its own revision: it was changed after it was saved. Ask for a fresh export.');
  });

  it('the team server: the team server, and whom to tell; never a file or an export', () => {
    const sentences = [refusal(twice, 'team-server'), refusal(orphan, 'team-server'), refusal(edited, 'team-server')];
    expect(sentences).toEqual([
      'The team server lists the candidate Priya Raman twice. It was not saved on this device; tell the loop’s lead.',
      'What the team server sent is incomplete: the candidate Priya Raman belongs to a role that is neither on the team server nor on this device.',
      'On the team server, the candidate Someone Else does not match its own revision: it was changed after it was saved. It was not saved on this device; tell the loop’s lead.',
    ]);
    for (const sentence of sentences) expect(sentence).not.toMatch(/file|export/i);
  });
});
