import type { PadLine, ScorecardContent } from './scorecard';

/**
 * A dimension's evidence, the one definition every reader uses (submission, the scorecard view, the
 * debrief, the packet): what was typed under the dimension, then each running-note line filed
 * under it. Kept apart from running-notes.ts so the first screen does not load the notes' editing.
 */

type Notes = Pick<ScorecardContent, 'ratings' | 'pad'>;

export function padOf(content: Pick<ScorecardContent, 'pad'>): readonly PadLine[] {
  return content.pad ?? [];
}

/** A tagged line as it reads inside a dimension's evidence. */
export function padLineText(line: Pick<PadLine, 'stamp' | 'text'>): string {
  return line.stamp ? `${line.stamp} — ${line.text}` : line.text;
}

/** A dimension's evidence in its two parts, for a reader that sets the stamped running-note lines apart. */
export function evidenceParts(content: Notes, dimensionKey: string): { typed: string; lines: PadLine[] } {
  const typed = content.ratings.find((r) => r.dimensionKey === dimensionKey)?.evidence ?? '';
  return { typed, lines: padOf(content).filter((line) => line.tag === dimensionKey) };
}

/** A dimension's evidence: what was typed under it, then every running-note line tagged to it. */
export function evidenceFor(content: Notes, dimensionKey: string): string {
  const { typed, lines } = evidenceParts(content, dimensionKey);
  const tagged = lines.map(padLineText);
  if (tagged.length === 0) return typed;
  return [typed.replace(/\s+$/, ''), ...tagged].filter((part) => part !== '').join('\n');
}

