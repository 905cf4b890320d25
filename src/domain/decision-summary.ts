import type { PacketContent } from './packet';
import { decisionGoesAgainst, opposingRecommendations } from './debrief';
import { recommendationLabel, sameRubricVersion, type Recommendation } from './rubric';

/**
 * What a decision-maker who was not in the loop reads first, derived from the packet's content
 * alone (so the JSON and the PDF cannot disagree): who said what, in one line each, who disagreed
 * with the decision, and what the decision goes against.
 */

/** A takeaway's first line is cut at about this many characters, at a word, with an ellipsis. */
export const TAKEAWAY_LINE_MAX_LENGTH = 140;
/** A red flag's note, beside its label on the panel's row, is cut at about this many characters. */
export const FLAG_NOTE_MAX_LENGTH = 60;

/** Cuts a text at a word before `max` characters and marks the cut; a text that fits is unchanged. */
export function shorten(text: string, max: number): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * The one line that stands for a whole text: its first non-blank line, then that line's first
 * sentence (a full stop, question or exclamation mark followed by a space), shortened to `max`.
 */
export function firstLineOf(text: string, max = TAKEAWAY_LINE_MAX_LENGTH): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
  const sentence = /^(.+?[.!?])\s/.exec(`${line} `)?.[1] ?? line;
  return shorten(sentence, max);
}

/** When an interview took place, as well as the packet can say. */
export type InterviewedAt = { kind: 'started'; at: string } | { kind: 'planned'; at: string } | { kind: 'submitted'; at: string } | null;

/** One interviewer on page one: their latest submitted revision, in one row. */
export type PanelRow = {
  interviewerName: string;
  recommendation: Recommendation | null;
  /** In the words of the rubric they scored on ("Strong yes"), or "—". */
  recommendationLabel: string;
  /** The first line of their takeaways, shortened; empty when they wrote none. */
  takeaway: string;
  /** The red flags they raised, by label, each with the start of its note. */
  redFlags: string[];
  interviewedAt: InterviewedAt;
  /** Their latest revision's number (2 or more: amended). */
  revision: number;
};

export type DecisionSummary = {
  rows: PanelRow[];
  /** The interviewers whose recommendation is on the other side of the decision, in panel order. */
  dissent: PanelRow[];
  /** What the decision goes against, in words (decisionGoesAgainst). */
  goesAgainst: string[];
};

export function summariseDecision(content: PacketContent): DecisionSummary {
  const { scorecards, rubrics, interviews, debrief, aggregate } = content;
  const rows = scorecards.flatMap(({ interviewerName, revisions }): PanelRow[] => {
    const latest = revisions[revisions.length - 1];
    if (!latest) return [];
    const rubric = rubrics.find((r) => sameRubricVersion(r, latest.rubric));
    const interview = interviews.find((i) => i.id === latest.interviewId);
    const interviewedAt: InterviewedAt = latest.timerStartedAt
      ? { kind: 'started', at: latest.timerStartedAt }
      : interview?.plannedAt
        ? { kind: 'planned', at: interview.plannedAt }
        : latest.submittedAt
          ? { kind: 'submitted', at: latest.submittedAt }
          : null;
    return [
      {
        interviewerName,
        recommendation: latest.recommendation,
        recommendationLabel: rubric ? recommendationLabel(rubric, latest.recommendation) : (latest.recommendation ?? '—'),
        takeaway: firstLineOf(latest.takeaways),
        redFlags: latest.redFlags.map((f) => {
          const label = rubric?.redFlags.find((x) => x.key === f.key)?.label ?? f.key;
          return f.note.trim() ? `${label} (“${shorten(f.note, FLAG_NOTE_MAX_LENGTH)}”)` : label;
        }),
        interviewedAt,
        revision: latest.revision,
      },
    ];
  });
  const opposing = opposingRecommendations(debrief.decision);
  return {
    rows,
    dissent: rows.filter((r) => r.recommendation !== null && opposing.includes(r.recommendation)),
    goesAgainst: decisionGoesAgainst(debrief.decision, debrief.consensus, aggregate, rubrics),
  };
}

/** A dissent as page one names it: "Jonas Weiß: No — rollback was manual". */
export function dissentLine(row: PanelRow): string {
  return `${row.interviewerName}: ${row.recommendationLabel} — ${row.takeaway || 'no takeaway written'}`;
}
