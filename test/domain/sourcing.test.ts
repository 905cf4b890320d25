import { describe, expect, it } from 'vitest';
import { LANES, StackSchema } from '../../src/domain/role';
import {
  RESUME_TEXT_MAX_LENGTH,
  STACK_ENTRY_MAX_LENGTH,
  STACK_MAX_ENTRIES,
  booleanSearches,
  findKeywords,
  sourcingKeywords,
  type KeywordScan,
} from '../../src/domain/sourcing';

function scan(text: string, keywords: readonly string[]) {
  const result: KeywordScan = findKeywords(text, keywords);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('keyword sets per lane', () => {
  it('gives every lane two must-have groups, the production signals and the wrong-pool terms', () => {
    for (const lane of LANES) {
      const sets = sourcingKeywords(lane);
      expect(sets.groups).toHaveLength(2);
      expect(sets.production).toEqual(expect.arrayContaining(['on-call rotation', 'endpoint reliability', 'Arize', 'WhyLabs']));
      expect(sets.wrongPool.exclude).toEqual(['SPSS', 'Stata', 'SAS', 'R Markdown']);
      expect(sets.wrongPool.watch).toEqual(expect.arrayContaining(['Terraform', 'data scientist', 'DevOps engineer']));
    }
  });

  it('merges the team stack into the tools group, once per tool in any case', () => {
    const sets = sourcingKeywords('serving-reliability', ['  SageMaker ', 'triton', 'sagemaker', 'Vertex   AI', '']);
    expect(sets.groups[0]?.keywords).toEqual([
      'Triton',
      'KServe',
      'SageMaker endpoints',
      'Vertex AI endpoints',
      'model serving',
      'SageMaker',
      'Vertex AI',
    ]);
  });

  it('never excludes or watches a tool the team itself uses', () => {
    const sets = sourcingKeywords('platform-builder', ['Terraform', 'sas']);
    expect(sets.wrongPool.exclude).toEqual(['SPSS', 'Stata', 'R Markdown']);
    expect(sets.wrongPool.watch).not.toContain('Terraform');
  });
});

describe('the team stack’s limits', () => {
  it('tidies and dedupes a stack before it joins the search', () => {
    expect(sourcingKeywords('serving-reliability', [' Ray Serve', 'ray  serve', 'Tecton ', '  ']).groups[0]?.keywords.slice(-2)).toEqual(['Ray Serve', 'Tecton']);
  });

  it(`refuses a stack of 100 entries (at most ${STACK_MAX_ENTRIES})`, () => {
    const stack = Array.from({ length: 100 }, (_, i) => `Tool ${i}`);
    expect(StackSchema.safeParse(stack).error?.issues[0]?.message).toBe('A stack has at most 40 tools.');
    // The search still works on the first 40.
    expect(sourcingKeywords('pipeline-owner', stack).groups[0]?.keywords).toHaveLength(5 + STACK_MAX_ENTRIES);
  });

  it(`refuses an entry over ${STACK_ENTRY_MAX_LENGTH} characters`, () => {
    const result = StackSchema.safeParse(['x'.repeat(61)]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/at most 60 characters\./);
    expect(sourcingKeywords('pipeline-owner', ['x'.repeat(61)]).groups[0]?.keywords).toHaveLength(5);
  });
});

describe('booleanSearches', () => {
  it('builds the pipeline-owner searches, quoted and grouped', () => {
    expect(booleanSearches('pipeline-owner')).toEqual({
      general:
        '(MLflow OR Kubeflow OR Feast OR Argo OR "model registry") AND ("feature pipelines" OR "feature store" OR "model promotion" OR "promotion gates" OR retraining)',
      perGroup: [
        { key: 'tools', label: 'Pipeline tools', search: '(MLflow OR Kubeflow OR Feast OR Argo OR "model registry")' },
        {
          key: 'practice',
          label: 'Pipeline practice',
          search: '("feature pipelines" OR "feature store" OR "model promotion" OR "promotion gates" OR retraining)',
        },
      ],
      exclude: 'NOT (SPSS OR Stata OR SAS OR "R Markdown")',
      watch: ['notebooks', 'Jupyter', 'Colab', 'Kaggle', 'Terraform', 'CloudFormation', 'ML engineer', 'data engineer', 'DevOps engineer', 'data scientist'],
    });
  });

  it('builds the serving searches with the stack merged, quoting punctuation and dropping inner quotes', () => {
    const searches = booleanSearches('serving-reliability', ['SageMaker', 'C++', 'scikit-learn', 'Ray "Serve"']);
    expect(searches.general).toBe(
      '(Triton OR KServe OR "SageMaker endpoints" OR "Vertex AI endpoints" OR "model serving" OR SageMaker OR "C++" OR "scikit-learn" OR "Ray Serve") AND (autoscaling OR p99 OR "on-call" OR latency OR SLO)',
    );
  });

  it('builds the platform searches, and no exclusion when the team uses every stats package', () => {
    const searches = booleanSearches('platform-builder', ['SPSS', 'Stata', 'SAS', 'R Markdown']);
    expect(searches.general).toBe(
      '(Kubernetes OR Kubeflow OR Argo OR MLflow OR SPSS OR Stata OR SAS OR "R Markdown") AND ("paved road" OR "multi-team" OR "ML platform" OR "self-service")',
    );
    expect(searches.exclude).toBe('');
  });

  it('is deterministic', () => {
    expect(booleanSearches('serving-reliability', ['Triton'])).toEqual(booleanSearches('serving-reliability', ['Triton']));
  });
});

describe('findKeywords', () => {
  const lane = sourcingKeywords('pipeline-owner', ['Vertex AI', 'C++', 'scikit-learn']);
  const keywords = [...lane.groups.flatMap((g) => g.keywords), ...lane.production, 'p99', 'on-call'];

  it('finds the keywords of a real résumé sentence with their offsets', () => {
    const text =
      'Built feature pipelines on Feast and MLflow; owned model promotion gates and the on-call rotation for 12 models.';
    const result = scan(text, keywords);
    expect(result.found).toEqual(['MLflow', 'Feast', 'feature pipelines', 'model promotion', 'on-call rotation']);
    for (const m of result.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(result.matches.map((m) => m.text)).toEqual(['feature pipelines', 'Feast', 'MLflow', 'model promotion', 'on-call rotation']);
  });

  it('prefers the longer keyword where two start at the same place', () => {
    const result = scan('Ran model promotion gates in Argo.', ['model promotion', 'model promotion gates', 'Argo']);
    expect(result.matches.map((m) => m.keyword)).toEqual(['model promotion gates', 'Argo']);
  });

  it('does not find keywords inside other words', () => {
    const text = 'Volunteer on the Argonaut robotics team; enjoys feasting and cooking; MLflowing is not a word.';
    expect(scan(text, ['Argo', 'Feast', 'MLflow']).found).toEqual([]);
  });

  it('finds keywords beside punctuation, brackets and at the ends of the text', () => {
    const text = 'Argo, cut p99, latency (p99) by 40% and paged for KServe.';
    const result = scan(text, ['Argo', 'p99', 'KServe']);
    expect(result.matches.map((m) => [m.text, m.start])).toEqual([
      ['Argo', 0],
      ['p99', 10],
      ['p99', 24],
      ['KServe', 50],
    ]);
  });

  it('matches any case and any whitespace between the words of a keyword', () => {
    const result = scan('Deployed on VERTEX\n  ai and vertex\tAI endpoints; Feature  Store owner.', ['Vertex AI', 'feature store']);
    expect(result.matches.map((m) => m.keyword)).toEqual(['Vertex AI', 'Vertex AI', 'feature store']);
    expect(result.matches[0]?.text).toBe('VERTEX\n  ai');
  });

  it('treats regex characters in keywords as plain text', () => {
    const text = 'Wrote C++ inference kernels, tuned scikit-learn pipelines, and skipped Cxx and scikitXlearn.';
    const result = scan(text, ['C++', 'scikit-learn', '(a|b)*', '.']);
    expect(result.matches.map((m) => m.text)).toEqual(['C++', 'scikit-learn']);
  });

  it('uses Unicode letter boundaries, not ASCII ones', () => {
    // A letter with an accent is part of the word: "Feasté" is not "Feast", "éArgo" is not "Argo".
    expect(scan('Feasté éArgo', ['Feast', 'Argo']).found).toEqual([]);
    // Digits of other scripts are numbers too.
    expect(scan('p99٣', ['p99']).found).toEqual([]);
  });

  it('works on right-to-left text', () => {
    const hebrew = 'ניסיון של חמש שנים עם Kubernetes ו-Argo, כולל תורנות on-call.';
    expect(scan(hebrew, ['Kubernetes', 'Argo', 'on-call']).found).toEqual(['Kubernetes', 'Argo', 'on-call']);
    const arabic = 'خبرة في MLflow وFeast';
    // "وFeast" is one word (the Arabic letter joins it), so only MLflow is found.
    expect(scan(arabic, ['MLflow', 'Feast']).found).toEqual(['MLflow']);
    expect(scan('\u202bמנהל Triton\u202c', ['Triton']).found).toEqual(['Triton']);
  });

  it('does not throw on binary junk', () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('') + '\ud800 Argo \udfff\0';
    const result = findKeywords(junk, ['Argo', 'Feast']);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.found).toContain('Argo');
  });

  it('returns nothing for empty text or no keywords', () => {
    expect(findKeywords('', ['Argo'])).toEqual({ ok: true, matches: [], found: [] });
    expect(findKeywords('Argo', ['', '  '])).toEqual({ ok: true, matches: [], found: [] });
  });

  it(`refuses text over ${RESUME_TEXT_MAX_LENGTH} characters with a message`, () => {
    expect(findKeywords('a'.repeat(RESUME_TEXT_MAX_LENGTH + 1), ['Argo'])).toEqual({
      ok: false,
      message: 'This text is 200,001 characters; paste at most 200,000 (the résumé itself, not the whole page).',
    });
  });

  // Its speed (under 50 ms for 200,000 characters) belongs in a benchmark, not a timed test.
  it('scans 200,000 characters whole, finding the keywords and never the substrings', () => {
    const sentence = 'Owned Kubeflow and Argo pipelines, cut p99 latency, ran the on-call rotation; Argonaut feasting. ';
    const text = sentence.repeat(Math.ceil(RESUME_TEXT_MAX_LENGTH / sentence.length)).slice(0, RESUME_TEXT_MAX_LENGTH);
    const result = findKeywords(text, keywords);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.matches.length).toBeGreaterThan(1_000);
    expect(result.matches.every((m) => !/^(argonaut|feasting)$/i.test(m.text))).toBe(true);
  });
});
