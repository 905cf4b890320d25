import { describe, expect, it } from 'vitest';
import { ScreenInputSchema, ScreenSchema, screenForSlate } from '../../src/domain/screen';
import { suggestScreen } from '../../src/domain/sourcing';
import { candidateStage, stageText } from '../../src/domain/pipeline';

const input = {
  source: 'Referral',
  productionSignals: ['production-ml'],
  stackTools: [],
  wrongPoolSignals: [],
  matchedKeywords: [],
  outcome: 'advance',
  reason: '',
  screenedBy: '',
};

describe('a screen’s shape', () => {
  it('needs a reason to hold or decline, not to advance or while undecided', () => {
    expect(ScreenInputSchema.safeParse(input).success).toBe(true);
    expect(ScreenInputSchema.safeParse({ ...input, outcome: null }).success).toBe(true);
    const declined = ScreenInputSchema.safeParse({ ...input, outcome: 'decline', reason: ' ' });
    expect(declined.success).toBe(false);
    expect(declined.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'Say why in a few words, for whoever reads this screen later.' });
    expect(ScreenInputSchema.safeParse({ ...input, outcome: 'hold', reason: 'Waiting for the pipelines hire.' }).success).toBe(true);
  });

  it('refuses a signal it does not know, one confirmed twice, and keywords past the limit', () => {
    expect(ScreenInputSchema.safeParse({ ...input, productionSignals: ['kaggle-medals'] }).success).toBe(false);
    expect(ScreenInputSchema.safeParse({ ...input, productionSignals: ['on-call', 'on-call'] }).success).toBe(false);
    expect(ScreenInputSchema.safeParse({ ...input, stackTools: ['KServe', 'kserve'] }).success).toBe(false);
    expect(ScreenInputSchema.safeParse({ ...input, matchedKeywords: Array.from({ length: 201 }, (_, i) => `k${i}`) }).success).toBe(false);
  });

  it('is its candidate’s: the id is the candidate’s id', () => {
    const row = { ...input, id: 'c1', candidateId: 'c2', roleId: 'r1', createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z', rev: `1-${'a'.repeat(32)}`, revHistory: [] };
    expect(ScreenSchema.safeParse(row).success).toBe(false);
    expect(ScreenSchema.safeParse({ ...row, candidateId: 'c1' }).success).toBe(true);
  });

  it('counts for the slate only once decided, with stack tools as production signals', () => {
    expect(screenForSlate({ ...input, outcome: null } as never)).toBeNull();
    expect(screenForSlate({ ...input, productionSignals: [], stackTools: ['KServe'] } as never)).toMatchObject({ productionSignals: ['KServe'], outcome: 'advance' });
  });
});

describe('what a pasted résumé suggests (the screener confirms)', () => {
  const stack = ['KServe', 'Arize'];

  it('suggests production signals and names the stack tools it finds', () => {
    const text = 'Carried the pager (on-call rotation) for 40 KServe endpoints in production; cut p99 latency from 900 ms to 210 ms.';
    const result = suggestScreen(text, 'serving-reliability', stack);
    if (!result.ok) throw new Error(result.message);
    expect(result.suggestions.production).toEqual(['production-ml', 'on-call', 'endpoint-reliability']);
    expect(result.suggestions.stackTools).toEqual(['KServe']);
    expect(result.suggestions.wrongPool).toEqual([]);
    expect(result.suggestions.matches.map((m) => text.slice(m.start, m.end))).toContain('on-call rotation');
  });

  it('suggests notebooks only and generic Terraform when nothing of production or the ML stack shows', () => {
    const text = 'Built churn models in Jupyter notebooks and wrote Terraform modules for the data team. Data scientist, 4 years.';
    const result = suggestScreen(text, 'pipeline-owner', stack);
    if (!result.ok) throw new Error(result.message);
    expect(result.suggestions.wrongPool).toEqual(['notebooks-only', 'generic-terraform', 'adjacent-title']);
    expect(result.suggestions.production).toEqual([]);
  });

  it('does not call notebooks or Terraform wrong pool beside a production ML stack', () => {
    const text = 'Prototype in notebooks, then promote through MLflow model registry gates to production; Terraform for the Feast infrastructure.';
    const result = suggestScreen(text, 'pipeline-owner', stack);
    if (!result.ok) throw new Error(result.message);
    expect(result.suggestions.wrongPool).toEqual([]);
    expect(result.suggestions.production).toEqual(expect.arrayContaining(['production-ml', 'model-promotion']));
  });

  it('finds nothing in “Argonaut” or “feasting”, and refuses more than 200,000 characters', () => {
    const result = suggestScreen('Argonaut feasting on kservers', 'pipeline-owner', stack);
    expect(result.ok && result.suggestions.found).toEqual([]);
    const refused = suggestScreen('a'.repeat(200_001), 'pipeline-owner', stack);
    expect(refused.ok).toBe(false);
  });
});

describe('stages at the screen', () => {
  const base = { interviews: [], submittedInterviewIds: new Set<string>(), debrief: null, now: new Date('2026-11-02T09:00:00Z') };
  it('says on hold or declined at screen before any loop, and the loop wins once planned', () => {
    expect(stageText(candidateStage({ ...base, screen: { outcome: 'hold' } }))).toBe('On hold at screen');
    expect(stageText(candidateStage({ ...base, screen: { outcome: 'decline' } }))).toBe('Declined at screen');
    expect(candidateStage({ ...base, screen: { outcome: 'advance' } }).stage).toBe('no-loop');
    expect(candidateStage({ ...base, screen: { outcome: null } }).stage).toBe('no-loop');
    expect(candidateStage({ ...base, interviews: [{ id: 'i1', plannedAt: '' }], screen: { outcome: 'decline' } }).stage).toBe('loop-planned');
  });
});
