import { evidenceFor } from '../../domain/running-notes';
import type { PacketContent } from '../../domain/packet';

/** Every piece of user text the PDF draws, with where it comes from, for the character check. */
export function packetTexts(content: PacketContent): { where: string; text: string }[] {
  const texts = [
    { where: 'candidate name', text: content.candidate.name },
    { where: 'role title', text: content.role.title },
    { where: 'mandate', text: content.role.mandate },
    ...(content.role.stack ?? []).map((tool) => ({ where: 'team stack', text: tool })),
    { where: '90-day mission', text: content.role.mission ?? '' },
    { where: 'decision-maker', text: content.debrief.decidedBy },
    { where: 'next step', text: content.debrief.nextStep },
    { where: 'decision rationale', text: content.debrief.decisionRationale ?? '' },
  ];
  for (const rubric of content.rubrics) {
    texts.push({ where: 'rubric title', text: rubric.title });
    for (const d of rubric.dimensions) texts.push({ where: `${rubric.title}: dimension title`, text: d.title });
  }
  for (const c of content.debrief.consensus) texts.push({ where: `consensus rationale (${c.dimensionKey})`, text: c.rationale });
  for (const { interviewerName, revisions } of content.scorecards) {
    texts.push({ where: 'interviewer name', text: interviewerName });
    for (const r of revisions) {
      for (const rating of r.ratings) texts.push({ where: `${interviewerName}’s evidence`, text: evidenceFor(r, rating.dimensionKey) });
      for (const line of r.pad ?? []) texts.push({ where: `${interviewerName}’s running notes`, text: line.text });
      for (const f of r.redFlags) texts.push({ where: `${interviewerName}’s red flag note`, text: f.note });
      texts.push({ where: `${interviewerName}’s takeaways`, text: r.takeaways }, { where: `${interviewerName}’s amendment reason`, text: r.amendReason });
    }
  }
  return texts;
}

