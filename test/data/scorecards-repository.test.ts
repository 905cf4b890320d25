import { describe, expect, it } from 'vitest';
import { sha256OfCanonical } from '../../src/domain/hash';
import { ConflictError, StaleWriteError, ValidationError } from '../../src/data/validation';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { NOT_COVERED } from '../../src/domain/rubric';
import { EVIDENCE_MAX_LENGTH, contentOf, type Scorecard, type ScorecardContent } from '../../src/domain/scorecard';
import { SCORECARD_FILE_VERSION, ScorecardFileSchema } from '../../src/domain/scorecard-file';
import { hashedContent } from '../../src/domain/scorecard-rules';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';

const NOW = '2026-11-02T09:00:00.000Z';
const HEX64 = /^[0-9a-f]{64}$/;

/** The error a promise rejects with, so a test can look inside it. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

async function validationIssues(promise: Promise<unknown>) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

/** A role, a candidate and a loop with one interview per name. */
async function withLoop(interviewers: string[] = ['Ana Lopez'], candidateName = 'Priya Raman') {
  const { db, repos } = freshDb();
  const role = await repos.roles.create(servingRole);
  const candidate = await repos.candidates.create({ name: candidateName, roleId: role.id, notes: '' });
  const interviews = [];
  for (const interviewerName of interviewers) {
    interviews.push(await repos.interviews.addToLoop(candidate.id, { interviewerName, plannedAt: '' }));
  }
  return { db, repos, role, candidate, interviews };
}

/** One interview and its freshly opened scorecard. */
async function withScorecard(candidateName = 'Priya Raman') {
  const ctx = await withLoop(['Ana Lopez'], candidateName);
  const interview = ctx.interviews[0];
  if (!interview) throw new Error('no interview');
  const card = await ctx.repos.scorecards.openForInterview(interview.id);
  return { ...ctx, interview, card };
}

/** Every dimension answered with evidence (prevention not covered), and a recommendation. */
function completeContent(card: Scorecard, level: 1 | 2 | 3 | 4 = 3): ScorecardContent {
  return {
    ...contentOf(card),
    ratings: card.ratings.map((r) =>
      r.dimensionKey === 'prevention' ? { ...r, level: NOT_COVERED, evidence: '' } : { ...r, level, evidence: `Level ${level} on ${r.dimensionKey}: paged at 02:10, owned the rollback.` },
    ),
    recommendation: 'yes',
    takeaways: 'Operator, not a model builder.',
  };
}

async function submitted(candidateName = 'Priya Raman') {
  const ctx = await withScorecard(candidateName);
  const rev1 = await ctx.repos.scorecards.submit(ctx.card.id, completeContent(ctx.card), ctx.card.editVersion);
  return { ...ctx, rev1 };
}

describe('opening the scorecard for an interview', () => {
  it('creates a blank draft against the interview’s rubric the first time', async () => {
    const { interview, card, candidate, role } = await withScorecard();
    expect(card).toMatchObject({
      id: 'id-4',
      interviewId: interview.id,
      candidateId: candidate.id,
      roleId: role.id,
      rubric: { id: BUILTIN_RUBRIC.id, version: BUILTIN_RUBRIC.version },
      interviewerName: 'Ana Lopez',
      status: 'draft',
      revision: 1,
      editVersion: 0,
      createdAt: NOW,
      submittedAt: null,
      contentHash: null,
    });
    expect(card.ratings.map((r) => r.dimensionKey)).toEqual(['trigger', 'diagnosis', 'mitigation', 'rollback', 'prevention']);
  });

  it('returns the same scorecard the second time and stores only one', async () => {
    const { db, repos, interview, card } = await withScorecard();
    const again = await repos.scorecards.openForInterview(interview.id);
    expect(again).toEqual(card);
    expect(await db.scorecards.count()).toBe(1);
  });

  it('returns the saved draft, not a blank one, once the interviewer has written something', async () => {
    const { repos, interview, card } = await withScorecard();
    const saved = await repos.scorecards.saveDraft(card.id, { ...contentOf(card), takeaways: 'Strong on paging.' }, 0);
    expect(await repos.scorecards.openForInterview(interview.id)).toEqual(saved);
  });

  it('refuses an interview that is not on this device, and writes nothing', async () => {
    const { db, repos } = freshDb();
    expect(await rejectionOf(repos.scorecards.openForInterview('no-such-interview'))).toBeInstanceOf(ConflictError);
    expect(await db.scorecards.count()).toBe(0);
  });

  it('is found again by id and by interview', async () => {
    const { repos, interview, card } = await withScorecard();
    expect(await repos.scorecards.get(card.id)).toEqual(card);
    expect(await repos.scorecards.getByInterview(interview.id)).toEqual(card);
    expect(await repos.scorecards.get('missing')).toBeUndefined();
    expect(await repos.scorecards.getByInterview('missing')).toBeUndefined();
  });
});

describe('autosaving a draft', () => {
  it('stores the content and counts the save', async () => {
    const { repos, card } = await withScorecard();
    const content: ScorecardContent = {
      ...contentOf(card),
      ratings: card.ratings.map((r, i) => (i === 0 ? { ...r, level: 2, evidence: 'Alert on p99 > 800 ms.', probesCovered: ['monitoring-signals'] } : r)),
      redFlags: [{ key: 'no-ownership', note: 'Said "we" throughout.' }],
      takeaways: 'Knows the pager.',
      timerStartedAt: '2026-11-02T09:01:00.000Z',
    };
    const first = await repos.scorecards.saveDraft(card.id, content, 0);
    expect(first.editVersion).toBe(1);
    expect(contentOf(first)).toEqual(content);
    expect(await repos.scorecards.get(card.id)).toEqual(first);

    const second = await repos.scorecards.saveDraft(card.id, { ...content, recommendation: 'no' }, 1);
    expect(second.editVersion).toBe(2);
    expect((await repos.scorecards.get(card.id))?.recommendation).toBe('no');
    expect(second.createdAt).toBe(card.createdAt);
    expect(second.status).toBe('draft');
  });

  it('refuses a save based on an older copy, hands back the stored one, and changes nothing', async () => {
    const { repos, card } = await withScorecard();
    const fromTabA = await repos.scorecards.saveDraft(card.id, { ...contentOf(card), takeaways: 'Tab A' }, 0);
    const error = await rejectionOf(repos.scorecards.saveDraft(card.id, { ...contentOf(card), takeaways: 'Tab B' }, 0));
    expect(error).toBeInstanceOf(StaleWriteError);
    expect((error as StaleWriteError<Scorecard>).current).toEqual(fromTabA);
    expect(await repos.scorecards.get(card.id)).toEqual(fromTabA);
  });

  it('refuses a save from a copy newer than the stored one', async () => {
    const { repos, card } = await withScorecard();
    expect(await rejectionOf(repos.scorecards.saveDraft(card.id, contentOf(card), 5))).toBeInstanceOf(StaleWriteError);
    expect((await repos.scorecards.get(card.id))?.editVersion).toBe(0);
  });

  it('refuses a level outside 1–4, says where, and writes nothing', async () => {
    const { repos, card } = await withScorecard();
    const ratings = card.ratings.map((r, i) => (i === 1 ? { ...r, level: 5 } : r));
    const issues = await validationIssues(repos.scorecards.saveDraft(card.id, { ...contentOf(card), ratings } as unknown as ScorecardContent, 0));
    expect(issues.map((i) => i.path)).toEqual(['ratings.1.level']);
    expect(await repos.scorecards.get(card.id)).toEqual(card);
  });

  it('refuses evidence one character over 50,000 and writes nothing', async () => {
    const { repos, card } = await withScorecard();
    const ratings = card.ratings.map((r, i) => (i === 2 ? { ...r, level: 3 as const, evidence: 'x'.repeat(EVIDENCE_MAX_LENGTH + 1) } : r));
    const issues = await validationIssues(repos.scorecards.saveDraft(card.id, { ...contentOf(card), ratings }, 0));
    expect(issues).toEqual([{ path: 'ratings.2.evidence', message: 'Evidence must be at most 50,000 characters.' }]);
    expect(await repos.scorecards.get(card.id)).toEqual(card);
  });

  it('refuses fields that are not content, and an unknown recommendation', async () => {
    const { repos, card } = await withScorecard();
    const sneaky = { ...contentOf(card), status: 'submitted' } as unknown as ScorecardContent;
    expect(await rejectionOf(repos.scorecards.saveDraft(card.id, sneaky, 0))).toBeInstanceOf(ValidationError);
    const neutral = { ...contentOf(card), recommendation: 'maybe' } as unknown as ScorecardContent;
    expect((await validationIssues(repos.scorecards.saveDraft(card.id, neutral, 0))).map((i) => i.path)).toEqual(['recommendation']);
    expect(await repos.scorecards.get(card.id)).toEqual(card);
  });

  it('refuses a scorecard that is no longer on this device', async () => {
    const { repos, card } = await withScorecard();
    expect(await rejectionOf(repos.scorecards.saveDraft('gone', contentOf(card), 0))).toBeInstanceOf(ConflictError);
  });

  it('keeps notes exactly as typed, leading and trailing spaces and newlines included', async () => {
    const { repos, card } = await withScorecard();
    const typed = '  rolled back in 6 min \n\n';
    const content = { ...contentOf(card), takeaways: ' operator ', ratings: card.ratings.map((r, i) => (i === 0 ? { ...r, evidence: typed } : r)) };
    await repos.scorecards.saveDraft(card.id, content, 0);
    const stored = await repos.scorecards.get(card.id);
    expect(stored?.ratings[0]?.evidence).toBe(typed);
    expect(stored?.takeaways).toBe(' operator ');
  });

  it('keeps five dimensions of 50,000 characters of emoji and right-to-left text exactly', async () => {
    const { repos, card } = await withScorecard();
    const unit = 'A العربية 👩🏽‍💻 עברית p99 → 800 ms ✅\n';
    const evidenceFor = (key: string) => {
      const head = `${key}: `;
      const body = unit.repeat(Math.floor((EVIDENCE_MAX_LENGTH - head.length) / unit.length));
      return `${head}${body}${'z'.repeat(EVIDENCE_MAX_LENGTH - head.length - body.length)}`;
    };
    const ratings = card.ratings.map((r) => ({ ...r, level: 4 as const, evidence: evidenceFor(r.dimensionKey) }));
    for (const r of ratings) expect(r.evidence).toHaveLength(EVIDENCE_MAX_LENGTH);

    await repos.scorecards.saveDraft(card.id, { ...contentOf(card), ratings }, 0);
    const stored = await repos.scorecards.get(card.id);
    expect(stored?.ratings.map((r) => r.evidence)).toEqual(ratings.map((r) => r.evidence));
    expect(stored?.ratings[0]?.evidence.includes('👩🏽‍💻')).toBe(true);
    expect(stored?.ratings[0]?.evidence.includes('العربية')).toBe(true);
  });
});

describe('submitting a scorecard', () => {
  it('refuses an incomplete card, listing what is missing in field order, and leaves it a draft', async () => {
    const { db, repos, card } = await withScorecard();
    const issues = await validationIssues(repos.scorecards.submit(card.id, contentOf(card), 0));
    expect(issues.map((i) => i.path)).toEqual(['level-trigger', 'level-diagnosis', 'level-mitigation', 'level-rollback', 'level-prevention', 'recommendation']);
    expect(await repos.scorecards.get(card.id)).toEqual(card);
    expect(await db.scorecardRevisions.count()).toBe(0);
  });

  it('refuses a rated dimension without evidence, on that dimension’s evidence', async () => {
    const { repos, card } = await withScorecard();
    const content = completeContent(card);
    const ratings = content.ratings.map((r) => (r.dimensionKey === 'diagnosis' ? { ...r, evidence: '   ' } : r));
    const issues = await validationIssues(repos.scorecards.submit(card.id, { ...content, ratings }, 0));
    expect(issues.map((i) => i.path)).toEqual(['evidence-diagnosis']);
    expect((await repos.scorecards.get(card.id))?.status).toBe('draft');
  });

  it('locks a complete card with the time and the SHA-256 of its canonical content, and keeps revision 1', async () => {
    const { db, repos, card } = await withScorecard();
    const content = completeContent(card);
    const result = await repos.scorecards.submit(card.id, content, 0);
    expect(result.status).toBe('submitted');
    expect(result.submittedAt).toBe(NOW);
    expect(result.revision).toBe(1);
    expect(result.editVersion).toBe(1);
    expect(contentOf(result)).toEqual(content);
    expect(result.contentHash).toMatch(HEX64);
    expect(result.contentHash).toBe(await sha256OfCanonical(hashedContent(result)));

    expect(await repos.scorecards.get(card.id)).toEqual(result);
    expect(await db.scorecardRevisions.count()).toBe(1);
    expect(await repos.scorecards.listRevisions(card.id)).toEqual([result]);
  });

  it('gives a hash that changes with the content', async () => {
    const a = await submitted();
    const b = await withScorecard();
    const other = await b.repos.scorecards.submit(b.card.id, completeContent(b.card, 4), 0);
    expect(other.contentHash).not.toBe(a.rev1.contentHash);
  });

  it('refuses a stale copy', async () => {
    const { repos, card } = await withScorecard();
    await repos.scorecards.saveDraft(card.id, contentOf(card), 0);
    expect(await rejectionOf(repos.scorecards.submit(card.id, completeContent(card), 0))).toBeInstanceOf(StaleWriteError);
    expect((await repos.scorecards.get(card.id))?.status).toBe('draft');
  });

  it('refuses a second submission and still keeps exactly one revision', async () => {
    const { db, repos, card, rev1 } = await submitted();
    expect(await rejectionOf(repos.scorecards.submit(card.id, completeContent(card), rev1.editVersion))).toBeInstanceOf(ConflictError);
    expect(await db.scorecardRevisions.count()).toBe(1);
    expect(await repos.scorecards.get(card.id)).toEqual(rev1);
  });

  it('locks the card against autosaves', async () => {
    const { repos, card, rev1 } = await submitted();
    const error = await rejectionOf(repos.scorecards.saveDraft(card.id, { ...contentOf(rev1), recommendation: 'strong-no' }, rev1.editVersion));
    expect(error).toBeInstanceOf(ConflictError);
    expect(await repos.scorecards.get(card.id)).toEqual(rev1);
  });
});

describe('amending a submitted scorecard', () => {
  it.each(['', '   \n '])('needs a reason (%j), and leaves the card as submitted', async (reason) => {
    const { db, repos, card, rev1 } = await submitted();
    const issues = await validationIssues(repos.scorecards.amend(card.id, reason));
    expect(issues).toEqual([{ path: 'amendReason', message: 'Say why you are amending a submitted scorecard.' }]);
    expect(await repos.scorecards.get(card.id)).toEqual(rev1);
    expect(await db.scorecardRevisions.count()).toBe(1);
  });

  it('refuses a reason over 1,000 characters', async () => {
    const { repos, card, rev1 } = await submitted();
    expect((await validationIssues(repos.scorecards.amend(card.id, 'r'.repeat(1_001)))).map((i) => i.path)).toEqual(['amendReason']);
    expect(await repos.scorecards.get(card.id)).toEqual(rev1);
  });

  it('refuses a draft, and a scorecard that is not on this device', async () => {
    const { repos, card } = await withScorecard();
    expect(await rejectionOf(repos.scorecards.amend(card.id, 'Changed my mind.'))).toBeInstanceOf(ConflictError);
    expect(await repos.scorecards.get(card.id)).toEqual(card);
    expect(await rejectionOf(repos.scorecards.amend('gone', 'Changed my mind.'))).toBeInstanceOf(ConflictError);
  });

  it('opens revision 2 as a draft with the reason, and keeps revision 1 exactly as submitted', async () => {
    const { repos, card, rev1 } = await submitted();
    const amended = await repos.scorecards.amend(card.id, '  Rollback was level 2: I misread my notes.  ');
    expect(amended).toMatchObject({
      id: card.id,
      status: 'draft',
      revision: 2,
      amendReason: 'Rollback was level 2: I misread my notes.',
      submittedAt: null,
      contentHash: null,
      editVersion: rev1.editVersion + 1,
    });
    expect(contentOf(amended)).toEqual(contentOf(rev1));
    expect(await repos.scorecards.get(card.id)).toEqual(amended);

    const revisions = await repos.scorecards.listRevisions(card.id);
    expect(revisions).toEqual([rev1]);
    expect(revisions[0]?.contentHash).toBe(rev1.contentHash);
  });

  it('cannot be amended again while the amendment is a draft', async () => {
    const { repos, card } = await submitted();
    const amended = await repos.scorecards.amend(card.id, 'First thought.');
    expect(await rejectionOf(repos.scorecards.amend(card.id, 'Second thought.'))).toBeInstanceOf(ConflictError);
    expect(await repos.scorecards.get(card.id)).toEqual(amended);
  });

  it('keeps both submissions, oldest first, with different hashes, once the amendment is submitted', async () => {
    const { repos, card, rev1 } = await submitted();
    const amended = await repos.scorecards.amend(card.id, 'Rollback was level 2.');
    const content = completeContent(amended);
    const ratings = content.ratings.map((r) => (r.dimensionKey === 'rollback' ? { ...r, level: 2 as const } : r));
    const rev2 = await repos.scorecards.submit(card.id, { ...content, ratings }, amended.editVersion);

    expect(rev2).toMatchObject({ status: 'submitted', revision: 2, amendReason: 'Rollback was level 2.', submittedAt: NOW });
    expect(rev2.contentHash).toMatch(HEX64);
    expect(rev2.contentHash).toBe(await sha256OfCanonical(hashedContent(rev2)));
    expect(rev2.contentHash).not.toBe(rev1.contentHash);

    const revisions = await repos.scorecards.listRevisions(card.id);
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(revisions).toEqual([rev1, rev2]);
  });

  it('changes the hash even when only the reason differs from the first submission', async () => {
    const { repos, card, rev1 } = await submitted();
    const amended = await repos.scorecards.amend(card.id, 'Nothing to change after all.');
    const rev2 = await repos.scorecards.submit(card.id, contentOf(amended), amended.editVersion);
    expect(contentOf(rev2)).toEqual(contentOf(rev1));
    expect(rev2.contentHash).not.toBe(rev1.contentHash);
  });
});

describe('a candidate’s scorecards', () => {
  it('lists every current card and every submitted revision of that candidate only', async () => {
    const { repos, candidate, role, interviews } = await withLoop(['Ana Lopez', 'Ben Okafor']);
    const [ana, ben] = interviews;
    if (!ana || !ben) throw new Error('no loop');
    const anaCard = await repos.scorecards.openForInterview(ana.id);
    const anaRev1 = await repos.scorecards.submit(anaCard.id, completeContent(anaCard), 0);
    const anaAmending = await repos.scorecards.amend(anaCard.id, 'Typo.');
    const benCard = await repos.scorecards.openForInterview(ben.id);

    const other = await repos.candidates.create({ name: 'Someone Else', roleId: role.id, notes: '' });
    const otherInterview = await repos.interviews.addToLoop(other.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    const otherCard = await repos.scorecards.openForInterview(otherInterview.id);
    await repos.scorecards.submit(otherCard.id, completeContent(otherCard), 0);

    const { current, revisions } = await repos.scorecards.listForCandidate(candidate.id);
    expect([...current].sort((a, b) => a.id.localeCompare(b.id))).toEqual([anaAmending, benCard].sort((a, b) => a.id.localeCompare(b.id)));
    expect(revisions).toEqual([anaRev1]);
  });

  it('is empty for a candidate with no scorecards', async () => {
    const { repos, candidate } = await withLoop([]);
    expect(await repos.scorecards.listForCandidate(candidate.id)).toEqual({ current: [], revisions: [] });
  });
});

describe('the scorecard file for the debrief lead', () => {
  it('is named after the candidate, the interviewer and the day, in plain ASCII', async () => {
    const { repos, card } = await submitted('Zofia Łukasiewicz');
    const { fileName } = await repos.scorecards.buildExport(card.id, '1.4.0');
    expect(fileName).toBe('zofia-lukasiewicz-ana-lopez-2026-11-02.loopcard.json');
    expect(fileName.endsWith('.loopcard.json')).toBe(true);
  });

  it('carries the scorecard, its revisions and its context in a hashed, versioned envelope', async () => {
    const { repos, card, role, candidate, interview } = await submitted('Zofia Łukasiewicz');
    const amended = await repos.scorecards.amend(card.id, 'Rollback was level 2.');
    const rev2 = await repos.scorecards.submit(card.id, completeContent(amended, 2), amended.editVersion);
    const rev1 = (await repos.scorecards.listRevisions(card.id))[0];

    const { file, json } = await repos.scorecards.buildExport(card.id, '1.4.0');
    expect(ScorecardFileSchema.safeParse(file).success).toBe(true);
    expect(file).toMatchObject({ format: 'loopcard.scorecard', version: SCORECARD_FILE_VERSION, exportedAt: NOW, app: { name: 'Loopcard', version: '1.4.0' } });
    expect(file.sha256).toMatch(HEX64);
    expect(file.sha256).toBe(await sha256OfCanonical(file.payload));
    expect(JSON.parse(json)).toEqual(file);
    expect(ScorecardFileSchema.safeParse(JSON.parse(json)).success).toBe(true);

    expect(file.payload.role).toEqual(await repos.roles.get(role.id));
    expect(file.payload.candidate).toEqual(candidate);
    expect(file.payload.interview).toEqual(interview);
    expect(file.payload.rubric).toEqual(BUILTIN_RUBRIC);
    expect(file.payload.scorecard).toEqual(rev2);
    expect(file.payload.revisions).toEqual([rev1, rev2]);
  });

  it('has a hash that no longer matches once the payload is tampered with', async () => {
    const { repos, card } = await submitted();
    const { file } = await repos.scorecards.buildExport(card.id, '1.4.0');
    const tampered = { ...file.payload, scorecard: { ...file.payload.scorecard, recommendation: 'strong-yes' as const } };
    expect(await sha256OfCanonical(tampered)).not.toBe(file.sha256);
  });

  it('can be written for a draft, with no revisions yet', async () => {
    const { repos, card } = await withScorecard();
    const { file } = await repos.scorecards.buildExport(card.id, '1.4.0');
    expect(file.payload.scorecard).toEqual(card);
    expect(file.payload.revisions).toEqual([]);
  });

  it('refuses a scorecard that is not on this device, and an empty app version', async () => {
    const { repos, card } = await withScorecard();
    expect(await rejectionOf(repos.scorecards.buildExport('gone', '1.4.0'))).toBeInstanceOf(ConflictError);
    expect((await validationIssues(repos.scorecards.buildExport(card.id, ''))).map((i) => i.path)).toEqual(['app.version']);
  });

  it('refuses when part of the context is missing on this device', async () => {
    const { db, repos, card, candidate } = await withScorecard();
    await db.candidates.delete(candidate.id);
    expect(await rejectionOf(repos.scorecards.buildExport(card.id, '1.4.0'))).toBeInstanceOf(ConflictError);
  });
});

describe('the interviewer name on this device', () => {
  it('is not set on a new device', async () => {
    const { repos } = freshDb();
    expect(await repos.settings.getInterviewerName()).toBeNull();
  });

  it('is stored trimmed and read back', async () => {
    const { repos } = freshDb();
    expect(await repos.settings.setInterviewerName('  Ana Lopez  ')).toBe('Ana Lopez');
    expect(await repos.settings.getInterviewerName()).toBe('Ana Lopez');
    await repos.settings.setInterviewerName('Zofia Łukasiewicz');
    expect(await repos.settings.getInterviewerName()).toBe('Zofia Łukasiewicz');
  });

  it('accepts 80 characters', async () => {
    const { repos } = freshDb();
    const name = 'a'.repeat(80);
    expect(await repos.settings.setInterviewerName(name)).toBe(name);
  });

  it.each([
    ['empty', '', 'Your name is required.'],
    ['blank', '   ', 'Your name is required.'],
    ['81 characters', 'a'.repeat(81), 'Your name must be at most 80 characters.'],
  ])('refuses a name that is %s and keeps the one stored', async (_label, name, message) => {
    const { repos } = freshDb();
    await repos.settings.setInterviewerName('Ana Lopez');
    const issues = await validationIssues(repos.settings.setInterviewerName(name));
    expect(issues).toEqual([{ path: 'name', message }]);
    expect(await repos.settings.getInterviewerName()).toBe('Ana Lopez');
  });

  it('reads a stored value that is not text as not set', async () => {
    const { db, repos } = freshDb();
    await db.settings.put({ key: 'interviewerName', value: 42 });
    expect(await repos.settings.getInterviewerName()).toBeNull();
  });
});
