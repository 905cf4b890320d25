import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { csvCell, panelMatrixCsv } from '../../src/domain/csv';
import { assemblePacketContent } from '../../src/domain/packet';
import { NOT_COVERED } from '../../src/domain/rubric';
import type { Scorecard } from '../../src/domain/scorecard';
import { all, candidate, cardFor, debriefOf, interviewOf, role } from '../helpers/panel';

const NC = NOT_COVERED;

describe('a CSV cell', () => {
  it('is the text as it is when nothing needs quoting', () => {
    expect(csvCell('Ana Lopez')).toBe('Ana Lopez');
    expect(csvCell(3)).toBe('3');
    expect(csvCell('')).toBe('');
  });

  it('is empty for null', () => {
    expect(csvCell(null)).toBe('');
  });

  it('is quoted when it holds a comma, a quote or a line break, with quotes doubled', () => {
    expect(csvCell('Lopez, Ana')).toBe('"Lopez, Ana"');
    expect(csvCell('Said "we" throughout')).toBe('"Said ""we"" throughout"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('line one\r\nline two')).toBe('"line one\r\nline two"');
  });

  it('neutralises a leading = + - @ with an apostrophe, so a spreadsheet shows it as text', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
  });

  it('neutralises a leading tab or carriage return too', () => {
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('neutralises and quotes a formula that also holds a comma or a quote', () => {
    expect(csvCell('=HYPERLINK("http://x.test","click")')).toBe(`"'=HYPERLINK(""http://x.test"",""click"")"`);
  });

  it('leaves a formula sign alone when it is not the first character', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('2.5')).toBe('2.5');
  });
});

describe('the panel matrix', () => {
  const ana = interviewOf('iv-ana', 'Lopez, Ana');
  const ben = interviewOf('iv-ben', 'Ben Okafor');
  const chen = interviewOf('iv-chen', 'Chen Wei');
  const revisions: Scorecard[] = [
    cardFor(chen, [4, 3, NC, 2, NC], { recommendation: 'strong-yes' }),
    cardFor(ana, all(4), { revision: 1, recommendation: 'strong-yes' }),
    cardFor(ana, [1, 3, 2, NC, NC], { revision: 2, recommendation: 'yes', amendReason: 'Misread my trigger notes.' }),
    cardFor(ben, [3, 3, 3, 4, NC], { recommendation: 'no' }),
  ];
  const content = assemblePacketContent({
    role,
    rubrics: [BUILTIN_RUBRIC],
    candidate,
    interviews: [ana, ben, chen],
    revisions,
    debrief: debriefOf({
      consensus: [
        { dimensionKey: 'trigger', level: 3, rationale: '' },
        { dimensionKey: 'diagnosis', level: 3, rationale: '' },
        { dimensionKey: 'mitigation', level: 2, rationale: '' },
        { dimensionKey: 'rollback', level: NC, rationale: 'Nobody probed the rollback properly.' },
      ],
      decision: 'more-signal',
      decidedBy: 'Dana Whitfield',
      nextStep: 'A second incident review.',
    }),
    today: new Date('2026-11-02T12:00:00.000Z'),
  });
  const csv = panelMatrixCsv(content);
  const lines = csv.split('\r\n');

  it('ends every line, the last one included, with CRLF and has no bare line feed', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines.at(-1)).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has a header with the five dimension titles in rubric order', () => {
    expect(lines[0]).toBe('Interviewer,Trigger,Diagnosis,Mitigation,Rollback,Prevention,Recommendation');
  });

  it('has one row per interviewer in loop order, with the latest revision’s levels and the recommendation’s label', () => {
    expect(lines.slice(1, 4)).toEqual([
      '"Lopez, Ana",1,3,2,not covered,not covered,Yes',
      'Ben Okafor,3,3,3,4,not covered,No',
      'Chen Wei,4,3,not covered,2,not covered,Strong yes',
    ]);
  });

  it('ends with the median, range, disagreement and consensus rows', () => {
    expect(lines.slice(4, 8)).toEqual([
      'Median,3,3,2.5,3,—,',
      'Range,3,0,1,2,,',
      'Disagreement,yes,no,no,yes,no,split',
      'Consensus,3 (Solid),3 (Solid),2 (Partial),not covered,,',
    ]);
    expect(lines).toHaveLength(9);
  });

  it('has the same number of cells on every line', () => {
    const count = (line: string) => line.replace(/"[^"]*"/g, 'x').split(',').length;
    for (const line of lines.slice(0, -1)) expect(count(line)).toBe(7);
  });

  it('neutralises an interviewer name that looks like a formula', () => {
    const sneaky = interviewOf('iv-x', '=cmd|"/c calc"!A1');
    const sneakyContent = assemblePacketContent({
      role,
      rubrics: [BUILTIN_RUBRIC],
      candidate,
      interviews: [sneaky],
      revisions: [cardFor(sneaky, all(3))],
      debrief: debriefOf(),
      today: new Date('2026-11-02T12:00:00.000Z'),
    });
    expect(panelMatrixCsv(sneakyContent).split('\r\n')[1]).toBe(`"'=cmd|""/c calc""!A1",3,3,3,3,3,Yes`);
  });
});
