import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import {
  SUGGESTIBLE_RED_FLAG_KEYS,
  SUGGESTION_MAX_PHRASES,
  SUGGESTION_PHRASE_MAX_LENGTH,
  suggestRedFlags,
  type RedFlagSuggestion,
  type SuggestRedFlagsInput,
} from '../../src/domain/red-flag-suggestions';

const { theoretical: THEORETICAL, accuracyOnly: ACCURACY_ONLY, noOwnership: NO_OWNERSHIP } = SUGGESTIBLE_RED_FLAG_KEYS;

function suggest(texts: readonly string[], options: Partial<Omit<SuggestRedFlagsInput, 'texts'>> = {}): RedFlagSuggestion[] {
  return suggestRedFlags({ texts, rubric: options.rubric ?? BUILTIN_RUBRIC, raised: options.raised ?? [] });
}

const keysOf = (suggestions: readonly RedFlagSuggestion[]) => suggestions.map((s) => s.key);
const suggestionFor = (texts: readonly string[], key: string) => suggest(texts).find((s) => s.key === key);

/** Every phrase is a piece of the notes as typed, short, never cut mid-word, and the note quotes them all. */
function expectWellFormed(suggestion: RedFlagSuggestion, texts: readonly string[]) {
  expect(suggestion.phrases.length).toBeGreaterThan(0);
  expect(suggestion.phrases.length).toBeLessThanOrEqual(SUGGESTION_MAX_PHRASES);
  for (const phrase of suggestion.phrases) {
    expect(phrase.length).toBeLessThanOrEqual(SUGGESTION_PHRASE_MAX_LENGTH);
    const text = texts.find((t) => t.includes(phrase));
    expect(text, `"${phrase}" is not in the notes`).toBeDefined();
    const at = (text ?? '').indexOf(phrase);
    expect((text ?? '').charAt(at - 1)).not.toMatch(/[\p{L}\p{N}]/u);
    expect((text ?? '').charAt(at + phrase.length)).not.toMatch(/[\p{L}\p{N}]/u);
    expect(suggestion.note).toContain(`“${phrase}”`);
  }
  expect(suggestion.because).toMatch(/^[^\n]+\.$/);
  expect(suggestion.label).toBe(BUILTIN_RUBRIC.redFlags.find((f) => f.key === suggestion.key)?.label);
}

const rubricWithout = (key: string) => ({ redFlags: BUILTIN_RUBRIC.redFlags.filter((f) => f.key !== key) });

describe('the flags it can suggest', () => {
  it('are red flags of the built-in rubric, looked up by key', () => {
    const builtinKeys = BUILTIN_RUBRIC.redFlags.map((f) => f.key);
    for (const key of Object.values(SUGGESTIBLE_RED_FLAG_KEYS)) expect(builtinKeys).toContain(key);
  });

  it('suggests nothing from no notes, or from blank ones', () => {
    expect(suggest([])).toEqual([]);
    expect(suggest(['', '   ', '\n\n'])).toEqual([]);
  });
});

describe('only model accuracy discussed', () => {
  it.each([
    { notes: ['Fraud model: AUC dropped from 0.91 to 0.84 after the retrain.'], phrase: 'Fraud model: AUC dropped from 0.91 to 0.84 after the retrain' },
    { notes: ['Talked mostly about precision and recall on the minority class.'], phrase: 'Talked mostly about precision and recall on the minority class' },
    { notes: ['C: the F1 score on the holdout set fell by six points, so they tuned the threshold'], phrase: 'the F1 score on the holdout set fell by six points, so they tuned the threshold' },
    { notes: ['Walked through the confusion matrix; false positives were all from one region.'], phrase: 'Walked through the confusion matrix' },
    { notes: ['Validation loss kept falling but RMSE on the weekly backtest went up.'], phrase: 'Validation loss kept falling but RMSE on the weekly backtest went up' },
    { notes: ['Said the BLEU score regressed after the tokenizer change'], phrase: 'Said the BLEU score regressed after the tokenizer change' },
    { notes: ['Perplexity spiked on the new domain data', 'Retrained on a wider corpus, offline eval looked better'], phrase: 'Perplexity spiked on the new domain data' },
    { notes: ['Incidentally, accuracy on the holdout set dropped.'], phrase: 'Incidentally, accuracy on the holdout set dropped' },
    { notes: ['AUC fell. The retraining notebook was a pageant of cells.'], phrase: 'AUC fell' },
  ])('suggests it for: $notes.0', ({ notes, phrase }) => {
    const suggestion = suggestionFor(notes, ACCURACY_ONLY);
    expect(suggestion).toBeDefined();
    if (!suggestion) return;
    expectWellFormed(suggestion, notes);
    expect(suggestion.phrases[0]).toBe(phrase);
  });

  it.each([
    { why: 'a latency alert', notes: ['AUC dropped to 0.84 and the p99 latency alert fired at the same time.'] },
    { why: 'a rollback', notes: ['Precision fell; they rolled back to the previous model version.'] },
    { why: 'paging', notes: ['Recall dropped and the on-call engineer was paged.'] },
    { why: 'a deploy', notes: ['F1 fell right after the deploy.'] },
    { why: 'a dashboard tool', notes: ['Accuracy looked fine on the Grafana board'] },
    { why: 'a postmortem, in another note', notes: ['RMSE doubled overnight.', 'Wrote a post-mortem afterwards.'] },
    { why: 'canary', notes: ['The AUC looked fine in the canary'] },
    { why: 'no accuracy term at all', notes: ['Talked about the feature store and the training schedule.'] },
    { why: 'accuracy words only inside other words', notes: ['The calloss service and the aucune flag; preprecision is not a word.'] },
    { why: '"recall" as a verb', notes: ['As I recall, the features were stale.', 'C: I recall the model was fine'] },
    { why: '"loss" of data, not of a model', notes: ['There was some data loss in the nightly job.'] },
  ])('does not suggest it with $why', ({ notes }) => {
    expect(keysOf(suggest(notes))).not.toContain(ACCURACY_ONLY);
  });

  it('is not suggested again once raised, nor from a rubric without it', () => {
    const notes = ['AUC dropped from 0.91 to 0.84.'];
    expect(keysOf(suggest(notes))).toContain(ACCURACY_ONLY);
    expect(keysOf(suggest(notes, { raised: [ACCURACY_ONLY] }))).not.toContain(ACCURACY_ONLY);
    expect(keysOf(suggest(notes, { rubric: rubricWithout(ACCURACY_ONLY) }))).not.toContain(ACCURACY_ONLY);
  });

  it('takes the rubric’s own label for the flag', () => {
    const rubric = { redFlags: [{ key: ACCURACY_ONLY, label: 'Model builder, not operator', description: 'Custom wording.' }] };
    expect(suggest(['AUC dropped.'], { rubric })).toEqual([expect.objectContaining({ key: ACCURACY_ONLY, label: 'Model builder, not operator' })]);
  });
});

describe('no personal ownership', () => {
  it.each([
    { notes: ['C: we noticed the drop in the weekly review and we retrained the model'], phrase: 'we noticed the drop in the weekly review and we retrained the model' },
    { notes: ['Said "our team owned the rollback, we just followed the runbook"'], phrase: 'our team owned the rollback, we just followed the runbook' },
    { notes: ['14:05 — C: the team decided to pin the old version'], phrase: 'the team decided to pin the old version' },
    { notes: ['On detection: “We got paged and the team rolled it back.”'], phrase: 'We got paged and the team rolled it back' },
    { notes: ["Asked who made the call — 'the team decided it together'"], phrase: 'the team decided it together' },
    { notes: ['I asked who decided to roll back. C: we decided as a group'], phrase: 'we decided as a group' },
    { notes: ['Q: who ran the postmortem? C: our SRE lead, we all joined'], phrase: 'our SRE lead, we all joined' },
    { notes: ['C: we saw Iowa traffic drop first'], phrase: 'we saw Iowa traffic drop first' },
    { notes: ['Quoting: ‘we’d already pinned the feature version’ — said it twice'], phrase: 'we’d already pinned the feature version' },
  ])('suggests it for: $notes.0', ({ notes, phrase }) => {
    const suggestion = suggestionFor(notes, NO_OWNERSHIP);
    expect(suggestion).toBeDefined();
    if (!suggestion) return;
    expectWellFormed(suggestion, notes);
    expect(suggestion.phrases).toContain(phrase);
  });

  it.each([
    { why: '"I rolled back"', notes: ['C: we got paged and I rolled back within ten minutes'] },
    { why: '"I\'d", in a later line', notes: ['C: we noticed it on Monday', "C: I'd already pinned the previous version"] },
    { why: '"myself"', notes: ['"we were short-staffed so I handled the rollback myself"'] },
    { why: '"I" in lower case', notes: ['C: honestly i paged the data team, we fixed it together'] },
    { why: 'no candidate words: nothing quoted, no C:', notes: ['Candidate said the team handled the rollback and they wrote a postmortem.'] },
    { why: 'apostrophes that are not quotes', notes: ["The team's rollback wasn't theirs; the candidate's view is that we'll see."] },
    { why: 'a one-word name in single quotes', notes: ["Clicked the 'rollback' button, says the team did"] },
    { why: 'candidate words without a team voice', notes: ['C: the weekly report showed it, then the owner answered'] },
    { why: 'a "C:" inside a word', notes: ['ABC: we as a team will review'] },
  ])('does not suggest it with $why', ({ notes }) => {
    expect(keysOf(suggest(notes))).not.toContain(NO_OWNERSHIP);
  });

  it('is not suggested again once raised, nor from a rubric without it', () => {
    const notes = ['C: we rolled back'];
    expect(keysOf(suggest(notes))).toContain(NO_OWNERSHIP);
    expect(keysOf(suggest(notes, { raised: [NO_OWNERSHIP] }))).not.toContain(NO_OWNERSHIP);
    expect(keysOf(suggest(notes, { rubric: rubricWithout(NO_OWNERSHIP) }))).not.toContain(NO_OWNERSHIP);
  });

  it('reads a candidate segment only to the end of its line, or to the interviewer’s next marker', () => {
    expect(keysOf(suggest(['C: the alert fired\nI think we should probe rollback']))).not.toContain(NO_OWNERSHIP);
    expect(keysOf(suggest(['C: the alert fired Q: did we get paged?']))).not.toContain(NO_OWNERSHIP);
  });
});

describe('answers stay theoretical', () => {
  it.each([
    { notes: ['C: we would probably add a drift check. We should have monitored the inputs. It could be the features.'], phrase: 'we would probably add a drift check' },
    { notes: ["C: I'd look at the data first, then I would check the features, and I should compare with training"], phrase: "I'd look at the data first, then I would check the features, and I should" },
    { notes: ['"you would want a canary, you should have a rollback plan, and you could shadow the new model"'], phrase: 'you would want a canary, you should have a rollback plan, and you could shadow' },
    { notes: ["C: ideally we'd have caught it earlier; we should've had a gate; it would've saved us"], phrase: "ideally we'd have caught it earlier" },
    { notes: ['12:03 — C: we would add a check.', '12:04 — C: we should test more.', '12:05 — C: could be the data'], phrase: 'we would add a check' },
    { notes: ['Q: what fired? C: it would depend on the setup. Q: and then? C: you would look at drift, you could retrain'], phrase: 'it would depend on the setup' },
  ])('suggests it for: $notes.0', ({ notes, phrase }) => {
    const suggestion = suggestionFor(notes, THEORETICAL);
    expect(suggestion).toBeDefined();
    if (!suggestion) return;
    expectWellFormed(suggestion, notes);
    expect(suggestion.phrases[0]).toBe(phrase);
  });

  it.each([
    { why: 'a number', notes: ['C: we would roll back, we should alert, we could page: it took 40 minutes'] },
    { why: 'a metric with digits', notes: ['C: I would look, I should check, I could ask why p99 went up'] },
    { why: 'a percentage', notes: ['C: you would shed load, you should keep most traffic, you could drop the bottom % of requests'] },
    { why: 'a time of day', notes: ['C: it would have been about 02:10, we should have paged, could be worse'] },
    { why: 'a time word', notes: ['C: it would have been around midnight, we should have paged, could be worse'] },
    { why: 'a number word', notes: ['C: we would roll back within ten minutes, we should, we could'] },
    { why: 'a tool name', notes: ['C: we would check Grafana, we should look at Prometheus, could be Kafka lag'] },
    { why: 'as many past actions as modals', notes: ['C: I rolled back, I paged the owner, we found the bad feature; we would add a check, we should test it, we could gate it'] },
    { why: 'only two modals', notes: ['C: we would add a check and we should test it'] },
    { why: 'negative modals, which report what happened', notes: ["C: we couldn't roll back, shouldn't have shipped it, wouldn't happen again"] },
    { why: 'no candidate words', notes: ['Said they would add a check, they should test more, and it could be data'] },
    { why: 'modals only inside other words', notes: ['C: the team shouldered it; the couldron job and the wouldbe model stayed up'] },
  ])('does not suggest it with $why', ({ notes }) => {
    expect(keysOf(suggest(notes))).not.toContain(THEORETICAL);
  });

  it('is not suggested again once raised, nor from a rubric without it', () => {
    const notes = ['C: we would add a check, we should test, it could be data'];
    expect(keysOf(suggest(notes))).toContain(THEORETICAL);
    expect(keysOf(suggest(notes, { raised: [THEORETICAL] }))).not.toContain(THEORETICAL);
    expect(keysOf(suggest(notes, { rubric: rubricWithout(THEORETICAL) }))).not.toContain(THEORETICAL);
  });
});

describe('suggestions together', () => {
  const notes = [
    'Model team, fraud scoring. AUC dropped from 0.91 to 0.84.',
    'C: we would retrain more often, we should have a drift check, it could be labels',
  ];

  it('come in the rubric’s order, each once', () => {
    expect(keysOf(suggest(notes))).toEqual([THEORETICAL, ACCURACY_ONLY, NO_OWNERSHIP]);
  });

  it('never include a flag already raised, or one the rubric does not have', () => {
    expect(keysOf(suggest(notes, { raised: [THEORETICAL, NO_OWNERSHIP] }))).toEqual([ACCURACY_ONLY]);
    expect(suggest(notes, { rubric: { redFlags: [] } })).toEqual([]);
    const other = { redFlags: [{ key: 'no-rollback', label: 'No rollback path', description: 'No way back.' }] };
    expect(suggest(notes, { rubric: other })).toEqual([]);
  });

  it('quote the phrases in the note to put on the flag', () => {
    const suggestion = suggestionFor(notes, NO_OWNERSHIP);
    expect(suggestion?.note).toBe('“we would retrain more often, we should have a drift check, it could be labels”');
  });
});

describe('phrases', () => {
  it('are at most five, one per sentence, distinct, in note order', () => {
    const notes = Array.from({ length: 8 }, (_, i) => `C: we changed thing ${i + 1}. We checked it again`);
    expect(suggestionFor(notes, NO_OWNERSHIP)?.phrases).toEqual([
      'we changed thing 1',
      'We checked it again',
      'we changed thing 2',
      'we changed thing 3',
      'we changed thing 4',
    ]);
  });

  it('cut a long sentence to whole words around the trigger', () => {
    const notes = [
      'C: so basically what happened over the course of that quarter, and nobody had looked at it for a while, is that our precision on the long tail quietly went down and stayed down',
    ];
    for (const suggestion of suggest(notes)) {
      expectWellFormed(suggestion, notes);
    }
    expect(suggestionFor(notes, ACCURACY_ONLY)?.phrases[0]).toContain('precision');
  });
});

describe('purity', () => {
  const input: SuggestRedFlagsInput = Object.freeze({
    texts: Object.freeze(['AUC dropped from 0.91 to 0.84.', 'C: we would retrain, we should gate, it could be labels']),
    rubric: BUILTIN_RUBRIC,
    raised: Object.freeze(['no-prevention']),
  });

  it('gives the same suggestions for the same notes, and leaves the input as it was', () => {
    const before = structuredClone({ texts: input.texts, raised: input.raised });
    const first = suggestRedFlags(input);
    const second = suggestRedFlags(input);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect({ texts: input.texts, raised: input.raised }).toEqual(before);
    expect(first.length).toBeGreaterThan(0);
  });

  it('returns suggestions the caller may change without touching the next call', () => {
    const first = suggestRedFlags(input);
    first[0]?.phrases.push('changed');
    expect(suggestRedFlags(input)[0]?.phrases).not.toContain('changed');
  });

  it('reads a full evidence text of 50,000 characters', () => {
    const line = '12:03 — C: we would look at the dashboards, "we retrained the model" and the AUC was fine.\n';
    const text = line.repeat(Math.floor(50_000 / line.length));
    const suggestions = suggest([text]);
    expect(keysOf(suggestions)).toEqual([NO_OWNERSHIP]);
    for (const s of suggestions) expectWellFormed(s, [text]);
  });
});
