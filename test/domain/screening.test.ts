import { describe, expect, it } from 'vitest';
import { COMMON_SOURCES, highlightSegments, screenSummary, sourceSuggestions, unconfirmedSuggestionsMessage } from '../../src/domain/screening';
import { findKeywords, type KeywordMatch } from '../../src/domain/sourcing';

function matchesIn(text: string, keywords: readonly string[]): KeywordMatch[] {
  const scan = findKeywords(text, keywords);
  if (!scan.ok) throw new Error(scan.message);
  return scan.matches;
}

describe('sources to suggest', () => {
  it('puts the role’s own sources first, most used first, then the common ones, each once in any case', () => {
    expect(sourceSuggestions(['GitHub', 'KubeCon talk', ' kubecon   talk ', 'Referral', '', 'referral', 'referral'])).toEqual([
      'Referral',
      'KubeCon talk',
      'GitHub',
      'LinkedIn search',
      'Conference',
      'Inbound application',
      'Agency',
    ]);
  });

  it('offers the common sources when the role has none yet', () => {
    expect(sourceSuggestions([])).toEqual([...COMMON_SOURCES]);
  });
});

describe('the pasted text, highlighted', () => {
  const sentence = 'Ran the on-call rotation for our Triton endpoints; p99 latency down 40% after the Argonaut migration.';

  it('cuts the text into plain and matched pieces that join back into the text', () => {
    const { segments, truncated, matchesShown } = highlightSegments(sentence, matchesIn(sentence, ['on-call rotation', 'Triton', 'p99', 'latency', 'Argo']));
    expect(segments.map((s) => s.text).join('')).toBe(sentence);
    expect(segments.filter((s) => s.keyword !== null).map((s) => s.text)).toEqual(['on-call rotation', 'Triton', 'p99', 'latency']);
    expect(truncated).toBe(false);
    expect(matchesShown).toBe(4);
  });

  it('shows at most the limit, never splitting a match', () => {
    const text = `${'x '.repeat(10)}Kubeflow pipelines`;
    const cut = highlightSegments(text, matchesIn(text, ['Kubeflow']), 24);
    expect(cut.truncated).toBe(true);
    expect(cut.shownChars).toBe(20);
    expect(cut.segments.map((s) => s.text).join('')).toBe('x '.repeat(10));
    expect(cut.matchesShown).toBe(0);
  });

  it('never splits a character made of two code units at the cut', () => {
    const text = `ab😀cd`;
    const cut = highlightSegments(text, [], 3);
    expect(cut.segments.map((s) => s.text).join('')).toBe('ab');
  });

  it('skips matches that overlap or fall outside the text', () => {
    const bad: KeywordMatch[] = [
      { keyword: 'a', start: 0, end: 4, text: 'abcd' },
      { keyword: 'b', start: 2, end: 6, text: 'cdef' },
      { keyword: 'c', start: 50, end: 60, text: '' },
    ];
    const { segments } = highlightSegments('abcdefgh', bad);
    expect(segments).toEqual([
      { text: 'abcd', keyword: 'a' },
      { text: 'efgh', keyword: null },
    ]);
  });

  it('keeps right-to-left text and control characters as they are', () => {
    const text = 'מהנדס MLOps: Kubernetes ו-Argo בייצור\u0000\u0007\uFFFD';
    const { segments } = highlightSegments(text, matchesIn(text, ['Kubernetes', 'Argo']));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.keyword).map((s) => s.keyword)).toEqual(['Kubernetes', 'Argo']);
  });
});

describe('suggestions the screener has not confirmed', () => {
  it('asks for them by name, and says nothing when none remain', () => {
    expect(unconfirmedSuggestionsMessage([])).toBeNull();
    expect(unconfirmedSuggestionsMessage(['On-call for ML systems'])).toBe('Confirm or untick what the text suggested first: “On-call for ML systems”. Loopcard only suggests; you decide.');
    expect(unconfirmedSuggestionsMessage(['A', 'B', 'C'])).toContain('“A”, “B” and “C”');
  });
});

describe('the screen in one line', () => {
  it('names the outcome and the reason', () => {
    expect(screenSummary({ outcome: 'hold', reason: ' Waiting for the referral call ', source: '' })).toBe('Screened: on hold — Waiting for the referral call');
    expect(screenSummary({ outcome: 'decline', reason: 'Notebooks only', source: 'Agency' })).toBe('Screened: declined — Notebooks only');
    expect(screenSummary({ outcome: 'advance', reason: '', source: '' })).toBe('Screened: advance to the loop');
    expect(screenSummary({ outcome: null, reason: '', source: '' })).toBe('Screen started, no outcome yet.');
  });
});
