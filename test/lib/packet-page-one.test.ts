// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../src/data/repositories';
import { firstLineOf, summariseDecision } from '../../src/domain/decision-summary';
import type { PacketContent } from '../../src/domain/packet';
import { NOT_COVERED, type RatingLevel, type Recommendation } from '../../src/domain/rubric';
import { contentOf } from '../../src/domain/scorecard';
import { renderPacketPdf } from '../../src/lib/pdf/packet-pdf';
import { freshDb } from '../helpers/db';
import { pdfFonts as fonts, pdfText } from '../helpers/pdf';
import { servingRole } from '../fixtures/roles';

/** The PDF's text as a reader copies it, page by page. */
function pdfPages(bytes: ArrayBuffer): string[] {
  return pdfText(bytes).split('\f');
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

const RATIONALE =
  'Hire: the strongest operator of the slate. Jonas’s concern about the manual rollback is real, and the first 90 days include building the registry pin with him.';
const BEN_DIAGNOSIS = Array.from({ length: 60 }, (_, i) => `Hypothesis ${i + 1} ruled out with traces from the serving pods before anyone touched the model.`).join(' ');

type Member = { name: string; plannedAt: string; levels: (RatingLevel | typeof NOT_COVERED)[]; recommendation: Recommendation; takeaways: string; startedAt?: string; redFlag?: { key: string; note: string }; diagnosis?: string };
const PANEL: Member[] = [
  { name: 'Ana Lopez', plannedAt: '2026-10-28T10:00', levels: [3, 3, 3, 2, NOT_COVERED], recommendation: 'yes', takeaways: 'Owned the incident end to end. Paged herself at 2 am.' },
  {
    name: 'Ben Okafor',
    plannedAt: '2026-10-28T14:30',
    levels: [3, 4, 3, 2, 3],
    recommendation: 'strong-yes',
    takeaways:
      'Best diagnosis story of the slate, ruling out three hypotheses with traces before touching the model and then writing the runbook the whole team now uses for every p99 regression in ranking\nSecond line.',
    diagnosis: BEN_DIAGNOSIS,
  },
  {
    name: 'Jonas Weiß',
    plannedAt: '',
    startedAt: '2026-10-29T08:05:00.000Z',
    levels: [3, 3, 3, 1, 2],
    recommendation: 'no',
    takeaways: '\n  Rollback was manual — no registry pin. Otherwise solid.',
    redFlag: { key: 'no-rollback', note: 'Redeployed the old container by hand.' },
  },
];

async function decidedPanel(repos: Repositories): Promise<PacketContent> {
  const role = await repos.roles.create(servingRole);
  const candidate = await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
  for (const member of PANEL) {
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: member.name, plannedAt: member.plannedAt });
    const card = await repos.scorecards.openForInterview(interview.id);
    const content = contentOf(card);
    content.ratings = content.ratings.map((r, i) => ({ ...r, level: member.levels[i] ?? 3, evidence: r.dimensionKey === 'diagnosis' && member.diagnosis ? member.diagnosis : `${member.name} on ${r.dimensionKey}.` }));
    content.recommendation = member.recommendation;
    content.takeaways = member.takeaways;
    if (member.startedAt) content.timerStartedAt = member.startedAt;
    if (member.redFlag) content.redFlags = [member.redFlag];
    await repos.scorecards.submit(card.id, content, card.editVersion);
  }
  await repos.debriefs.saveConsensus(candidate.id, [
    { dimensionKey: 'trigger', level: 3, rationale: '' },
    { dimensionKey: 'diagnosis', level: 3, rationale: '' },
    { dimensionKey: 'mitigation', level: 3, rationale: '' },
    { dimensionKey: 'rollback', level: 2, rationale: '' },
    { dimensionKey: 'prevention', level: 3, rationale: '' },
  ]);
  await repos.debriefs.recordDecision(candidate.id, { decision: 'hire', decisionRationale: RATIONALE, decidedBy: 'Dana Whitfield', nextStep: 'Offer call on Monday.' });
  return (await repos.packets.buildPacket(candidate.id, '0.1.0')).content;
}

describe('the one line that stands for a takeaway', () => {
  it('is the first non-blank line’s first sentence, cut at a word with an ellipsis', () => {
    expect(firstLineOf('\n  Rollback was manual — no registry pin. Otherwise solid.')).toBe('Rollback was manual — no registry pin.');
    expect(firstLineOf('Strong on p99.\nWeak on cost.')).toBe('Strong on p99.');
    expect(firstLineOf('Latency went from 2.5 s to 800 ms')).toBe('Latency went from 2.5 s to 800 ms');
    expect(firstLineOf('')).toBe('');
    const cut = firstLineOf('word '.repeat(100), 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toMatch(/word…$/);
  });
});

describe('page one of the decision packet', () => {
  it('names who disagreed and what the decision goes against, from the packet alone', async () => {
    const { repos } = freshDb();
    const summary = summariseDecision(await decidedPanel(repos));
    expect(summary.rows.map((r) => [r.interviewerName, r.recommendationLabel, r.interviewedAt?.kind])).toEqual([
      ['Ana Lopez', 'Yes', 'planned'],
      ['Ben Okafor', 'Strong yes', 'planned'],
      ['Jonas Weiß', 'No', 'started'],
    ]);
    expect(summary.dissent.map((r) => r.interviewerName)).toEqual(['Jonas Weiß']);
    expect(summary.goesAgainst).toEqual(['Rollback’s consensus is 2 · Partial']);
    expect(summary.rows[2]?.redFlags).toEqual(['No rollback path (“Redeployed the old container by hand.”)']);
  });

  it('leads with the decision, who, when (with its time zone) and why, then the panel, the dissent and the consensus with the evidence’s page', async () => {
    const { repos } = freshDb();
    const content = await decidedPanel(repos);
    const pages = pdfPages(renderPacketPdf(content, fonts, { exportedAt: '2026-11-02T09:30:00.000Z', sha256: 'ab'.repeat(32), paper: 'a4', locale: 'en-GB', timeZone: 'Europe/Berlin' }));
    const one = pages[0] ?? '';
    const lines = one.split('\n');
    expect(one).toContain('Decision: Hire');
    expect(one).toContain('Decided by Dana Whitfield on 2 Nov 2026, 10:00 CET. Next step: Offer call on Monday.');
    expect(flat(one)).toContain(`Why ${RATIONALE}`);
    expect(flat(one)).toContain('This decision goes against the panel: Rollback’s consensus is 2 · Partial.');
    expect(one).toMatch(/Dissent\s+Jonas Weiß: No — Rollback was manual — no registry pin\.\n/);
    expect(one).not.toContain('Otherwise solid');
    expect(one).not.toContain('Ana Lopez: Yes');

    // One row per interviewer: when, recommendation, the takeaway's first line, red flags.
    const row = (name: string) => lines.find((l) => l.trimStart().startsWith(name)) ?? '';
    expect(row('Ana Lopez')).toMatch(/Ana Lopez\s+28 Oct 2026,\s+Yes\s+Owned the incident end to end\.\s+None$/);
    expect(row('Ben Okafor')).toMatch(/Ben Okafor\s+28 Oct 2026,\s+Strong yes\s+Best diagnosis story/);
    expect(flat(one)).toContain('10:00 (planned)');
    expect(lines[lines.indexOf(row('Ben Okafor')) + 1]).toMatch(/^\s+14:30\s/);
    expect(one).toContain('…');
    expect(one).not.toContain('Second line');
    expect(row('Jonas Weiß')).toMatch(/Jonas Weiß\s+29 Oct 2026,\s+No\s+Rollback was manual — no registry\s+No rollback path/);
    expect(flat(one)).toContain('09:05 CET');

    // The consensus: median, range, not covered, and where the evidence is.
    expect(pages.findIndex((p) => p.includes('Evidence by dimension')) + 1).toBe(2);
    /** The page whose heading starts that dimension's evidence (page one and the appendix have none). */
    const evidencePage = (title: string) => pages.findIndex((p) => new RegExp(`^${title}$`, 'm').test(p)) + 1;
    expect([evidencePage('Trigger'), evidencePage('Diagnosis'), evidencePage('Rollback'), evidencePage('Prevention')]).toEqual([2, 2, 3, 3]);
    expect(row('Trigger')).toMatch(/Trigger\s+3 · Solid\s+3\s+3–3\s+0\s+p\. 2$/);
    expect(row('Rollback')).toMatch(/Rollback\s+2 · Partial\s+2\s+1–2\s+0\s+p\. 3$/);
    expect(row('Prevention')).toMatch(/Prevention\s+3 · Solid\s+2\.5\s+2–3\s+1\s+p\. 3$/);

    // Times in the locale with the zone named, never raw ISO.
    expect(pages.join('')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(one).toContain('exported 2 Nov 2026, 10:30 CET');
  });

  it('repeats the interviewer’s name where a row of evidence runs onto the next page', async () => {
    const { repos } = freshDb();
    const pages = pdfPages(renderPacketPdf(await decidedPanel(repos), fonts, { exportedAt: '2026-11-02T09:30:00.000Z', sha256: 'ab'.repeat(32), paper: 'a4', locale: 'en-GB', timeZone: 'Europe/Berlin' }));
    const split = pages.findIndex((p) => p.includes('Hypothesis 1 ruled out'));
    const next = pages[split + 1] ?? '';
    expect(flat(pages[split] ?? '')).not.toContain('Hypothesis 60 ruled out');
    expect(flat(next)).toContain('Hypothesis 60 ruled out');
    expect(next).toContain('Diagnosis (continued)');
    // The rest of Ben's row starts with his name, not an empty cell.
    const rest = next.split('\n').find((l) => /Hypothesis \d+ ruled out|before anyone touched/.test(l)) ?? '';
    expect(rest).toMatch(/^\s*Ben Okafor\s{2,}\S/);
  });
});
