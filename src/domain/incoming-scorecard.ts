import { BUILTIN_RUBRIC_LIBRARY } from './builtin-rubric-library';
import { BUILTIN_RUBRIC } from './builtin-rubric';
import { canonicalJson } from './canonical-json';
import type { Interview } from './interview';
import { isBlankName, sameName, visibleName } from './person-name';
import type { Rubric } from './rubric';
import { AMEND_REASON_MAX_LENGTH, contentOf, type Scorecard } from './scorecard';
import { checkAmendReason, checkSubmission, hashedContent, ratingFor } from './scorecard-rules';

/**
 * The rules every submitted scorecard revision must pass when it comes from another device (a
 * scorecard file, a decision packet, a backup, the team server). A valid SHA-256 only proves the
 * bytes were not damaged on the way: anyone can recompute it after editing the file, so an incoming
 * revision is held to the same rules as one submitted on this device.
 *
 * Each check answers with one refusal a debrief lead can act on (whose scorecard, which revision,
 * what is wrong, what to do), never a schema path or an exception's text.
 */

/** Every built-in rubric version this copy of Loopcard ships; a file cannot add one. */
export const SHIPPED_BUILTIN_RUBRICS: readonly Rubric[] = [BUILTIN_RUBRIC, ...BUILTIN_RUBRIC_LIBRARY];

/** No Loopcard record predates this; an earlier time is a broken clock or an edited file. */
export const EARLIEST_TIMESTAMP = '2020-01-01T00:00:00.000Z';
/** Devices' clocks and time zones disagree; more than a day ahead of this one is not drift. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a recorded time is plausible: from 1 January 2020 to a day after `now` (this device's
 * clock). For any record's times (createdAt, updatedAt, submittedAt, decidedAt, …). Returns null when
 * it is, otherwise a phrase that completes a sentence after the time's name:
 * `The decision time ${problem}.`
 */
export function checkTimestamp(iso: string, now: Date): string | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'is not a date and time';
  if (at < Date.parse(EARLIEST_TIMESTAMP)) return `is ${shown(iso).slice(0, 10)}, before Loopcard existed (1 January 2020)`;
  if (at > now.getTime() + FUTURE_TOLERANCE_MS) return `is ${shown(iso).slice(0, 10)}, more than a day ahead of this device’s clock`;
  return null;
}

export type IncomingRevisions = {
  /** Every submitted revision of ONE scorecard as it will stand after the import (incoming and already here), any order. */
  revisions: readonly Scorecard[];
  /** The rubric the revisions reference, already resolved. */
  rubric: Rubric;
  interview: Interview;
  now: Date;
};

/**
 * Null when the revisions of one scorecard are a legal history of submissions for `interview`,
 * otherwise the first problem found, as a sentence for the person importing.
 *
 * Two identical copies of one revision (the same file imported twice, or a revision already on this
 * device) count as one: importing is idempotent. Two different copies of one revision are refused.
 */
export function checkIncomingRevisions({ revisions, rubric, interview, now }: IncomingRevisions): string | null {
  const who = subjectName(interview, revisions);
  const refuse = (revision: number | null, problem: string) => refusal(who, revision, problem);
  if (revisions.length === 0) return `${who}’s scorecard has no submitted revision. ${exportAgain(who)}`;

  const byNumber = new Map<number, Scorecard>();
  for (const revision of [...revisions].sort((a, b) => a.revision - b.revision)) {
    const seen = byNumber.get(revision.revision);
    if (!seen) byNumber.set(revision.revision, revision);
    else if (!identical(seen, revision)) return refuse(revision.revision, 'there are two different copies of it');
  }
  const history = [...byNumber.values()];
  const first = history[0] as Scorecard;

  for (const revision of history) {
    const problem =
      checkSealed(revision) ??
      checkBelongs(revision, first, interview, rubric, who) ??
      checkConformance(revision, rubric) ??
      checkAnswers(revision, rubric) ??
      checkAmendment(revision) ??
      checkTimes(revision, now);
    if (problem) return refuse(revision.revision, problem);
  }

  let previous: Scorecard | null = null;
  for (const [index, revision] of history.entries()) {
    const expected = index + 1;
    if (revision.revision !== expected) return refuse(revision.revision, `revision ${expected} before it is missing`);
    // Equal times are accepted: the revision number, not the clock, orders the history, and a writer
    // that stamps whole seconds must not make a legal amendment illegal. Earlier is refused: an
    // amendment cannot be submitted before what it amends.
    if (previous && Date.parse(revision.submittedAt ?? '') < Date.parse(previous.submittedAt ?? '')) {
      return refuse(revision.revision, `it was submitted before revision ${previous.revision}, which it amends`);
    }
    previous = revision;
  }
  return null;
}

/**
 * Null when a rubric in a file may be stored: a rubric that says it is built in must be, to the
 * byte, a version this copy of Loopcard ships, and no other rubric may take a built-in's id.
 */
export function checkIncomingRubric(rubric: Rubric, shipped: readonly Rubric[] = SHIPPED_BUILTIN_RUBRICS): string | null {
  const name = `The rubric “${shown(rubric.title)}”, version ${rubric.version},`;
  if (rubric.builtIn) {
    if (shipped.some((builtIn) => canonicalJson(builtIn) === canonicalJson(rubric))) return null;
    if (shipped.some((builtIn) => builtIn.id === rubric.id && builtIn.version === rubric.version)) {
      return `${name} says it is built into Loopcard, but its text differs from the version Loopcard ships. Ask the sender to export the file again from their device.`;
    }
    return `${name} says it is built into Loopcard, but this copy of Loopcard never shipped that version. If the sender runs a newer Loopcard, update this one and import again; otherwise ask them to export the file again.`;
  }
  if (shipped.some((builtIn) => builtIn.id === rubric.id)) {
    return `${name} uses the identifier of Loopcard’s built-in rubric without being it. Ask the sender to export the file again from their device.`;
  }
  return null;
}

/** Untrusted text going into a message: no invisible characters, so no bidi control can reorder the sentence. */
function shown(text: string): string {
  return visibleName(text);
}

function subjectName(interview: Interview, revisions: readonly Scorecard[]): string {
  if (!isBlankName(interview.interviewerName)) return shown(interview.interviewerName);
  const named = revisions.find((r) => !isBlankName(r.interviewerName));
  return named ? shown(named.interviewerName) : 'An interviewer';
}

function exportAgain(who: string): string {
  return `Ask ${who} to export the scorecard again from their device.`;
}

function refusal(who: string, revision: number | null, problem: string): string {
  const which = revision === null ? '' : `, revision ${revision},`;
  return `${who}’s scorecard${which} is not a legal submission: ${problem}. ${exportAgain(who)}`;
}

function identical(a: Scorecard, b: Scorecard): boolean {
  return a.contentHash === b.contentHash && canonicalJson(hashedContent(a)) === canonicalJson(hashedContent(b));
}

const HASH = /^[0-9a-f]{64}$/;

function checkSealed(revision: Scorecard): string | null {
  if (revision.status !== 'submitted') return 'it is a draft, not a submitted scorecard';
  if (revision.contentHash === null || !HASH.test(revision.contentHash)) return 'its content hash is missing or malformed';
  if (revision.submittedAt === null) return 'it has no submission time';
  if (isBlankName(revision.interviewerName)) return 'it names no interviewer';
  return null;
}

function checkBelongs(revision: Scorecard, first: Scorecard, interview: Interview, rubric: Rubric, who: string): string | null {
  if (revision.id !== first.id) return `it belongs to a different scorecard from revision ${first.revision}`;
  if (revision.interviewId !== interview.id) return 'it belongs to a different interview';
  if (revision.candidateId !== interview.candidateId) return 'it is about a different candidate from the interview';
  if (revision.roleId !== interview.roleId) return 'it is for a different role from the interview';
  if (!sameRef(revision.rubric, interview.rubric)) {
    return `it was scored against a different rubric from the one the interview uses (“${shown(rubric.title)}”, version ${interview.rubric.version})`;
  }
  if (!sameRef(revision.rubric, rubric)) return 'it was scored against a rubric that is not the one supplied with it';
  if (!sameName(revision.interviewerName, interview.interviewerName)) return `it is signed by ${shown(revision.interviewerName)}, but the interview is ${who}’s`;
  return null;
}

function sameRef(a: Pick<Rubric, 'id' | 'version'>, b: Pick<Rubric, 'id' | 'version'>): boolean {
  return a.id === b.id && a.version === b.version;
}

/** The scorecard's shape against its rubric: one answer per dimension, only the rubric's probes and red flags. */
function checkConformance(revision: Scorecard, rubric: Rubric): string | null {
  const dimensions = new Map(rubric.dimensions.map((d) => [d.key, d.title]));
  const topics = new Map(rubric.probeTopics.map((p) => [p.key, p.label]));
  const flags = new Map(rubric.redFlags.map((f) => [f.key, f.label]));

  const rated = new Set<string>();
  for (const rating of revision.ratings) {
    const title = dimensions.get(rating.dimensionKey);
    if (title === undefined) return `it rates “${shown(rating.dimensionKey)}”, which is not a dimension of “${shown(rubric.title)}”`;
    if (rated.has(rating.dimensionKey)) return `it rates ${title} twice`;
    rated.add(rating.dimensionKey);
    const probes = new Set<string>();
    for (const probe of rating.probesCovered) {
      const label = topics.get(probe);
      if (label === undefined) return `${title} lists “${shown(probe)}”, which is not a probe topic of “${shown(rubric.title)}”`;
      if (probes.has(probe)) return `${title} lists the probe topic ${label} twice`;
      probes.add(probe);
    }
  }
  const missing = rubric.dimensions.find((d) => !rated.has(d.key));
  if (missing) return `it has no answer for ${missing.title}`;
  const covered = new Set<string>();
  for (const probe of revision.topicsCovered ?? []) {
    const label = topics.get(probe);
    if (label === undefined) return `it lists “${shown(probe)}”, which is not a probe topic of “${shown(rubric.title)}”`;
    if (covered.has(probe)) return `it lists the probe topic ${label} twice`;
    covered.add(probe);
  }

  const raised = new Set<string>();
  for (const flag of revision.redFlags) {
    const label = flags.get(flag.key);
    if (label === undefined) return `it raises the red flag “${shown(flag.key)}”, which “${shown(rubric.title)}” does not have`;
    if (raised.has(flag.key)) return `it raises the red flag “${label}” twice`;
    raised.add(flag.key);
  }
  return null;
}

/** The submission rules of this device (`checkSubmission`), said about a finished scorecard rather than to its author. */
function checkAnswers(revision: Scorecard, rubric: Rubric): string | null {
  const content = contentOf(revision);
  const issue = checkSubmission(content, rubric)[0];
  if (!issue) return null;
  if (issue.field === 'recommendation') return 'it has no overall recommendation';
  const dimension = rubric.dimensions.find((d) => issue.field === `level-${d.key}` || issue.field === `evidence-${d.key}`);
  if (dimension && issue.field.startsWith('level-')) return `${dimension.title} has neither a level nor “not covered”`;
  if (dimension) return `${dimension.title} is rated ${String(ratingFor(content, dimension.key).level)} with no evidence`;
  return issue.message.replace(/\.$/, '');
}

function checkAmendment(revision: Scorecard): string | null {
  if (revision.revision === 1) {
    return revision.amendReason.trim() === '' ? null : 'the first submission carries a reason for an amendment, but it amends nothing';
  }
  if (checkAmendReason(revision.amendReason) === null) return null;
  return revision.amendReason.trim() === ''
    ? `it amends revision ${revision.revision - 1} without saying why`
    : `its reason for the amendment is longer than ${AMEND_REASON_MAX_LENGTH.toLocaleString('en-US')} characters`;
}

function checkTimes(revision: Scorecard, now: Date): string | null {
  const times: [string, string | null][] = [
    ['its creation time', revision.createdAt],
    ['its timer start', revision.timerStartedAt],
    ['its submission time', revision.submittedAt],
    ['its last-saved time', revision.updatedAt],
  ];
  for (const [label, iso] of times) {
    const problem = iso === null ? null : checkTimestamp(iso, now);
    if (problem) return `${label} ${problem}`;
  }
  if (revision.submittedAt !== null && Date.parse(revision.submittedAt) < Date.parse(revision.createdAt)) {
    return 'it was submitted before it was created';
  }
  return null;
}
