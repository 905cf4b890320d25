import { reviseRecord } from '../../src/domain/revision';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { canonicalJson } from '../../src/domain/canonical-json';
import { formatElapsed } from '../../src/domain/elapsed';
import type { Interview } from '../../src/domain/interview';
import { NOT_COVERED } from '../../src/domain/rubric';
import { AMEND_REASON_MAX_LENGTH, ScorecardSchema, contentOf, type DimensionRating, type Scorecard, type ScorecardContent } from '../../src/domain/scorecard';
import {
  checkAmendReason,
  checkSubmission,
  countRated,
  coverageLabel,
  createDraftScorecard,
  fileSlug,
  hashedContent,
  panelFor,
  ratingFor,
  scorecardFileName,
} from '../../src/domain/scorecard-rules';

const NOW = '2026-11-02T09:00:00.000Z';
const LATER = '2026-11-02T10:30:00.000Z';
const DIMENSION_KEYS = BUILTIN_RUBRIC.dimensions.map((d) => d.key);

function interviewOf(id: string, interviewerName: string): Interview {
  return reviseRecord({
    id,
    candidateId: 'cand-1',
    roleId: 'role-1',
    rubric: { id: BUILTIN_RUBRIC.id, version: BUILTIN_RUBRIC.version },
    interviewerName,
    plannedAt: '',
    createdAt: NOW,
  });
}

const anaInterview = interviewOf('iv-ana', 'Ana Lopez');
const benInterview = interviewOf('iv-ben', 'Ben Okafor');
const chenInterview = interviewOf('iv-chen', 'Chen Wei');
const loop = [anaInterview, benInterview, chenInterview];

function draftFor(interview: Interview, id = `sc-${interview.id}`): Scorecard {
  return createDraftScorecard(interview, BUILTIN_RUBRIC, id, NOW);
}

/** Every dimension rated 3 with evidence, and a recommendation: ready to submit. */
function completeContent(): ScorecardContent {
  return {
    ratings: DIMENSION_KEYS.map((key) => ({ dimensionKey: key, level: 3, evidence: `Evidence for ${key}.`, probesCovered: [] })),
    redFlags: [],
    recommendation: 'yes',
    takeaways: '',
    timerStartedAt: null,
  };
}

function withRatings(ratings: Partial<Record<string, Pick<DimensionRating, 'level' | 'evidence'>>>): ScorecardContent {
  return {
    ...contentOf(draftFor(anaInterview)),
    ratings: DIMENSION_KEYS.map((key) => ({ dimensionKey: key, level: null, evidence: '', probesCovered: [], ...ratings[key] })),
  };
}

function submitted(interview: Interview, revision: number, overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    ...draftFor(interview),
    ...completeContent(),
    status: 'submitted',
    revision,
    submittedAt: LATER,
    contentHash: String(revision).repeat(64).slice(0, 64),
    ...overrides,
  };
}

describe('a new draft scorecard', () => {
  it('has one empty answer per built-in rubric dimension, in rubric order', () => {
    const draft = draftFor(anaInterview, 'sc-1');
    expect(draft.ratings).toEqual([
      { dimensionKey: 'trigger', level: null, evidence: '', probesCovered: [] },
      { dimensionKey: 'diagnosis', level: null, evidence: '', probesCovered: [] },
      { dimensionKey: 'mitigation', level: null, evidence: '', probesCovered: [] },
      { dimensionKey: 'rollback', level: null, evidence: '', probesCovered: [] },
      { dimensionKey: 'prevention', level: null, evidence: '', probesCovered: [] },
    ]);
  });

  it('belongs to the interview and the rubric version, as an unsubmitted first revision', () => {
    const draft = draftFor(anaInterview, 'sc-1');
    expect(draft).toMatchObject({
      id: 'sc-1',
      interviewId: 'iv-ana',
      candidateId: 'cand-1',
      roleId: 'role-1',
      rubric: { id: BUILTIN_RUBRIC.id, version: 1 },
      interviewerName: 'Ana Lopez',
      status: 'draft',
      revision: 1,
      editVersion: 0,
      recommendation: null,
      timerStartedAt: null,
      submittedAt: null,
      contentHash: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('passes the scorecard schema as it is', () => {
    const draft = draftFor(anaInterview, 'sc-1');
    const parsed = ScorecardSchema.safeParse(draft);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(draft);
  });
});

describe('a rating for a dimension', () => {
  it('is the stored answer, or an empty one for a dimension the card does not carry', () => {
    const content = withRatings({ diagnosis: { level: 2, evidence: 'Checked logs.' } });
    expect(ratingFor(content, 'diagnosis')).toEqual({ dimensionKey: 'diagnosis', level: 2, evidence: 'Checked logs.', probesCovered: [] });
    expect(ratingFor({ ratings: [] }, 'trigger')).toEqual({ dimensionKey: 'trigger', level: null, evidence: '', probesCovered: [] });
  });
});

describe('coverage', () => {
  it('counts rated dimensions out of the rubric: "3 of 5 dimensions rated"', () => {
    const content = withRatings({ trigger: { level: 1, evidence: 'a' }, diagnosis: { level: 4, evidence: 'b' }, rollback: { level: 2, evidence: 'c' } });
    expect(countRated(content, BUILTIN_RUBRIC)).toBe(3);
    expect(coverageLabel(content, BUILTIN_RUBRIC)).toBe('3 of 5 dimensions rated');
  });

  it('does not count "not covered" as a rating', () => {
    const content = withRatings({ trigger: { level: 3, evidence: 'a' }, diagnosis: { level: NOT_COVERED, evidence: '' }, prevention: { level: NOT_COVERED, evidence: '' } });
    expect(coverageLabel(content, BUILTIN_RUBRIC)).toBe('1 of 5 dimensions rated');
  });

  it('is "0 of 5" on a blank card and "5 of 5" on a complete one', () => {
    expect(coverageLabel(contentOf(draftFor(anaInterview)), BUILTIN_RUBRIC)).toBe('0 of 5 dimensions rated');
    expect(coverageLabel(completeContent(), BUILTIN_RUBRIC)).toBe('5 of 5 dimensions rated');
  });

  it('ignores ratings for dimensions that are not in the rubric', () => {
    const content = { ratings: [{ dimensionKey: 'charisma', level: 4 as const, evidence: 'x', probesCovered: [] }] };
    expect(coverageLabel(content, BUILTIN_RUBRIC)).toBe('0 of 5 dimensions rated');
  });
});

describe('checking a scorecard before submission', () => {
  it('lists every unanswered level and the recommendation on a blank card, in rubric order', () => {
    const issues = checkSubmission(contentOf(draftFor(anaInterview)), BUILTIN_RUBRIC);
    expect(issues.map((i) => i.field)).toEqual([
      'level-trigger',
      'level-diagnosis',
      'level-mitigation',
      'level-rollback',
      'level-prevention',
      'recommendation',
    ]);
    expect(issues[0]?.message).toBe('Trigger: choose a level, or mark it not covered.');
    expect(issues[5]?.message).toBe('Choose an overall recommendation.');
  });

  it('asks for the evidence behind a rated dimension', () => {
    const content = { ...completeContent(), ratings: completeContent().ratings.map((r) => (r.dimensionKey === 'diagnosis' ? { ...r, level: 2 as const, evidence: '' } : r)) };
    expect(checkSubmission(content, BUILTIN_RUBRIC)).toEqual([
      { field: 'evidence-diagnosis', message: 'Diagnosis: add the evidence behind level 2.' },
    ]);
  });

  it('treats evidence of only spaces, tabs and newlines as no evidence', () => {
    const content = { ...completeContent(), ratings: completeContent().ratings.map((r) => (r.dimensionKey === 'rollback' ? { ...r, evidence: ' \n\t  \n' } : r)) };
    expect(checkSubmission(content, BUILTIN_RUBRIC).map((i) => i.field)).toEqual(['evidence-rollback']);
  });

  it('needs no evidence for a dimension marked not covered', () => {
    const content = { ...completeContent(), ratings: completeContent().ratings.map((r) => (r.dimensionKey === 'prevention' ? { ...r, level: NOT_COVERED, evidence: '' } : r)) };
    expect(checkSubmission(content, BUILTIN_RUBRIC)).toEqual([]);
  });

  it('finds nothing wrong with a complete card', () => {
    expect(checkSubmission(completeContent(), BUILTIN_RUBRIC)).toEqual([]);
  });

  it('asks for a level on a rubric dimension the card has no rating for', () => {
    const content = { ...completeContent(), ratings: completeContent().ratings.filter((r) => r.dimensionKey !== 'mitigation') };
    expect(checkSubmission(content, BUILTIN_RUBRIC).map((i) => i.field)).toEqual(['level-mitigation']);
  });

  it('reports a missing level, missing evidence and a missing recommendation together, in field order', () => {
    const content = { ...withRatings({ trigger: { level: 4, evidence: 'Paged at 02:10.' }, diagnosis: { level: 1, evidence: '   ' }, mitigation: { level: NOT_COVERED, evidence: '' }, prevention: { level: 3, evidence: 'Postmortem.' } }) };
    expect(checkSubmission(content, BUILTIN_RUBRIC).map((i) => i.field)).toEqual(['evidence-diagnosis', 'level-rollback', 'recommendation']);
  });
});

describe('the reason for an amendment', () => {
  it('is required', () => {
    expect(checkAmendReason('')).toBe('Say why you are amending a submitted scorecard.');
  });

  it('is not given by whitespace alone', () => {
    expect(checkAmendReason('  \n\t ')).toBe('Say why you are amending a submitted scorecard.');
  });

  it('is at most 1,000 characters, counted without surrounding spaces', () => {
    expect(AMEND_REASON_MAX_LENGTH).toBe(1_000);
    expect(checkAmendReason('a'.repeat(1_001))).toBe('The reason must be at most 1,000 characters.');
    expect(checkAmendReason('a'.repeat(1_000))).toBeNull();
    expect(checkAmendReason(`  ${'a'.repeat(1_000)}  `)).toBeNull();
  });

  it('is accepted when it says something', () => {
    expect(checkAmendReason('Typo in the rollback level: meant 3, not 2.')).toBeNull();
  });
});

describe('what a content hash covers', () => {
  it('is everything but the hash, the save counter and the last-saved time', () => {
    const card = submitted(anaInterview, 1, { editVersion: 7, updatedAt: LATER });
    const hashed = hashedContent(card);
    expect(Object.keys(hashed).sort()).toEqual(
      Object.keys(card)
        .filter((k) => !['contentHash', 'editVersion', 'updatedAt'].includes(k))
        .sort(),
    );
    expect(hashed).not.toHaveProperty('contentHash');
    expect(hashed).not.toHaveProperty('editVersion');
    expect(hashed).not.toHaveProperty('updatedAt');
    expect(hashed).toMatchObject({ submittedAt: LATER, createdAt: NOW, revision: 1, status: 'submitted', ratings: card.ratings });
  });

  it('is the same for two saves of the same content, and differs when a rating changes', () => {
    const a = submitted(anaInterview, 1, { editVersion: 1, updatedAt: NOW });
    const b = submitted(anaInterview, 1, { editVersion: 9, updatedAt: LATER, contentHash: 'f'.repeat(64) });
    expect(canonicalJson(hashedContent(a))).toBe(canonicalJson(hashedContent(b)));
    const c = { ...a, ratings: a.ratings.map((r, i) => (i === 0 ? { ...r, level: 4 as const } : r)) };
    expect(canonicalJson(hashedContent(c))).not.toBe(canonicalJson(hashedContent(a)));
  });
});

describe('the panel an interviewer sees (independence)', () => {
  const anaDraft = { ...draftFor(anaInterview), ratings: completeContent().ratings };
  const benSubmitted = submitted(benInterview, 1);
  const chenDraft = { ...draftFor(chenInterview), recommendation: 'strong-no' as const };

  it('shows someone who has not submitted only who is on the loop and how far each is, no scores', () => {
    const panel = panelFor(loop, [anaDraft, benSubmitted, chenDraft], [benSubmitted], 'Ana Lopez');
    expect(panel.viewerHasSubmitted).toBe(false);
    expect(panel.entries.map((e) => [e.interview.interviewerName, e.status, e.visible])).toEqual([
      ['Ana Lopez', 'in-progress', null],
      ['Ben Okafor', 'submitted', null],
      ['Chen Wei', 'in-progress', null],
    ]);
  });

  it('says "not started" for an interviewer with no scorecard yet', () => {
    const panel = panelFor(loop, [benSubmitted], [benSubmitted], 'Ana Lopez');
    expect(panel.entries.map((e) => e.status)).toEqual(['not-started', 'submitted', 'not-started']);
    expect(panel.entries.every((e) => e.visible === null)).toBe(true);
  });

  it('shows, once the viewer has submitted, the latest submitted revision of others, never a draft', () => {
    const anaSubmitted = submitted(anaInterview, 1);
    const benRev1 = submitted(benInterview, 1, { recommendation: 'no' });
    const benRev2 = submitted(benInterview, 2, { recommendation: 'strong-yes', amendReason: 'Misread my notes.' });
    const panel = panelFor(loop, [anaSubmitted, benRev2, chenDraft], [benRev2, anaSubmitted, benRev1], 'Ana Lopez');
    expect(panel.viewerHasSubmitted).toBe(true);
    const [ana, ben, chen] = panel.entries;
    expect(ana?.visible).toBe(anaSubmitted);
    expect(ben?.status).toBe('submitted');
    expect(ben?.visible).toBe(benRev2);
    expect(chen?.status).toBe('in-progress');
    expect(chen?.visible).toBeNull();
  });

  it('shows another interviewer’s last submitted revision, not the amendment they are drafting', () => {
    const anaSubmitted = submitted(anaInterview, 1);
    const benRev1 = submitted(benInterview, 1);
    const benAmending = { ...benRev1, status: 'draft' as const, revision: 2, amendReason: 'Rethinking.', recommendation: 'strong-no' as const, submittedAt: null, contentHash: null };
    const panel = panelFor(loop, [anaSubmitted, benAmending], [anaSubmitted, benRev1], 'Ana Lopez');
    const ben = panel.entries[1];
    expect(ben?.status).toBe('submitted');
    expect(ben?.visible).toBe(benRev1);
    expect(ben?.visible?.recommendation).toBe('yes');
  });

  it('keeps the panel open to a viewer amending their own submitted card', () => {
    const anaRev1 = submitted(anaInterview, 1);
    const anaAmending = { ...anaRev1, status: 'draft' as const, revision: 2, amendReason: 'Wrong level.', submittedAt: null, contentHash: null };
    const panel = panelFor(loop, [anaAmending, benSubmitted], [anaRev1, benSubmitted], 'Ana Lopez');
    expect(panel.viewerHasSubmitted).toBe(true);
    expect(panel.entries[0]?.status).toBe('submitted');
    expect(panel.entries[0]?.visible).toBe(anaRev1);
    expect(panel.entries[1]?.visible).toBe(benSubmitted);
  });

  it('matches the viewer’s name however it is capitalised or spaced', () => {
    const anaSubmitted = submitted(anaInterview, 1);
    for (const viewer of ['ana lopez', 'ANA LOPEZ', '  Ana   Lopez ']) {
      const panel = panelFor(loop, [anaSubmitted, benSubmitted], [anaSubmitted, benSubmitted], viewer);
      expect(panel.viewerHasSubmitted, viewer).toBe(true);
      expect(panel.entries[1]?.visible, viewer).toBe(benSubmitted);
    }
  });

  it('shows nothing to someone who is not on the loop, even when everyone has submitted', () => {
    const all = [submitted(anaInterview, 1), submitted(benInterview, 1), submitted(chenInterview, 1)];
    const panel = panelFor(loop, all, all, 'Dana Smith');
    expect(panel.viewerHasSubmitted).toBe(false);
    expect(panel.entries.map((e) => e.status)).toEqual(['submitted', 'submitted', 'submitted']);
    expect(panel.entries.every((e) => e.visible === null)).toBe(true);
  });

  it('does not treat someone else’s submission as the viewer’s', () => {
    const panel = panelFor(loop, [benSubmitted], [benSubmitted], 'Ben Okafor');
    expect(panel.viewerHasSubmitted).toBe(true);
    const asAna = panelFor(loop, [benSubmitted], [benSubmitted], 'Ana Lopez');
    expect(asAna.viewerHasSubmitted).toBe(false);
  });
});

describe('file names', () => {
  it.each([
    ['Zofia Łukasiewicz', 'zofia-lukasiewicz'],
    ['Dvořák Ødegaard', 'dvorak-odegaard'],
    ['Nguyễn Thị Zhōu', 'nguyen-thi-zhou'],
    ['Søren Kierkegaard-Æbelø', 'soren-kierkegaard-aebelo'],
    ['Straße', 'strasse'],
    ['  O’Brien,  Mary (Jr.)  ', 'o-brien-mary-jr'],
  ])('turn "%s" into "%s"', (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
  });

  it.each(['张伟', '', '   ', '—!?'])('fall back to "unnamed" when nothing in "%s" has a plain-letter form', (name) => {
    expect(fileSlug(name)).toBe('unnamed');
  });

  it('are cut to 60 characters', () => {
    expect(fileSlug('Maximilian '.repeat(20))).toBe('maximilian-maximilian-maximilian-maximilian-maximilian-maxim');
    expect(fileSlug('a'.repeat(200))).toBe('a'.repeat(60));
  });

  it('do not end on a hyphen when the cut falls between words', () => {
    const name = `${'a'.repeat(59)} Bcd`;
    expect(fileSlug(name)).toBe('a'.repeat(59));
    expect(scorecardFileName(name, 'Ana Lopez', '2026-11-02')).toBe(`${'a'.repeat(59)}-ana-lopez-2026-11-02.loopcard.json`);
  });

  it('name a scorecard file after the candidate, the interviewer and the date', () => {
    expect(scorecardFileName('Zofia Łukasiewicz', 'Ana López', '2026-11-02')).toBe('zofia-lukasiewicz-ana-lopez-2026-11-02.loopcard.json');
    expect(scorecardFileName('张伟', 'Dvořák Ødegaard', '2026-01-31')).toBe('unnamed-dvorak-odegaard-2026-01-31.loopcard.json');
    expect(scorecardFileName('../../etc/passwd', 'a/b\\c', '2026-11-02')).toMatch(/^[a-z0-9-]+\.loopcard\.json$/);
  });
});

describe('canonical JSON', () => {
  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ c: 3, a: 2, b: 1 })).toBe(canonicalJson({ b: 1, c: 3, a: 2 }));
  });

  it('keeps arrays in their order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ list: ['b', 'a'] })).not.toBe(canonicalJson({ list: ['a', 'b'] }));
  });

  it('drops undefined fields and keeps null ones', () => {
    expect(canonicalJson({ a: undefined, b: null, c: 1 })).toBe('{"b":null,"c":1}');
    expect(canonicalJson({ c: 1 })).toBe(canonicalJson({ c: 1, z: undefined }));
  });

  it('sorts keys at every depth, including objects inside arrays', () => {
    const a = { z: { y: 1, x: [{ q: 1, p: 2 }, { n: { m: 1, l: 2 } }] }, a: 'text' };
    const b = { a: 'text', z: { x: [{ p: 2, q: 1 }, { n: { l: 2, m: 1 } }], y: 1 } };
    expect(canonicalJson(a)).toBe('{"a":"text","z":{"x":[{"p":2,"q":1},{"n":{"l":2,"m":1}}],"y":1}}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('writes plain values and non-ASCII text as JSON does', () => {
    expect(canonicalJson('العربية 👩🏽‍💻')).toBe(JSON.stringify('العربية 👩🏽‍💻'));
    expect(canonicalJson(42)).toBe('42');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
  });
});

describe('elapsed time', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [5_000, '0:05'],
    [65_000, '1:05'],
    [59 * 60_000 + 59_999, '59:59'],
    [3_600_000, '1:00:00'],
    [3_725_000, '1:02:05'],
    [10 * 3_600_000 + 61_000, '10:01:01'],
    [-1, '0:00'],
    [-65_000, '0:00'],
  ])('reads %i ms as "%s"', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

