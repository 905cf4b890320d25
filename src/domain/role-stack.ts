import { LANES, STACK_ENTRY_MAX_LENGTH, STACK_MAX_ENTRIES, stackKey, tidyTool, type Lane } from './role';

/** A lane's starting text for the 90-day mission, which the hiring manager edits (here with the form's rules, so the first screen never loads it). */
export const MISSION_STARTERS: Record<Lane, string> = {
  'pipeline-owner':
    'In the first 90 days: take over the model promotion pipeline, add a promotion gate that stops a model failing its offline checks, and move one team’s features onto the shared feature pipeline.',
  'serving-reliability':
    'In the first 90 days: join the on-call rotation for model endpoints, put p99 latency and error-rate alerts on every production endpoint, and cut the busiest endpoint’s p99 latency by a measured amount.',
  'platform-builder':
    'In the first 90 days: ship the paved road for one model from training to a monitored endpoint, adopted by one product team, with rollback written down and rehearsed.',
};

export type StackChange = { ok: true; stack: string[] } | { ok: false; message: string };

/**
 * Adds a tool to the team's stack, or says plainly why not: an empty name, a name too long, a tool
 * already there in any case or spacing, or a full stack. A typed name that is one of `choices` in
 * another case takes the list's spelling, so "aws" becomes the "AWS" of the list.
 */
export function addStackTool(stack: readonly string[], typed: string, choices: readonly string[] = []): StackChange {
  const tool = tidyTool(typed);
  if (tool === '') return { ok: false, message: 'Type the name of a tool first.' };
  if (tool.length > STACK_ENTRY_MAX_LENGTH) {
    return { ok: false, message: `A tool’s name is at most ${STACK_ENTRY_MAX_LENGTH} characters; this one has ${tool.length}.` };
  }
  const key = stackKey(tool);
  const already = stack.find((t) => stackKey(t) === key);
  if (already !== undefined) return { ok: false, message: `“${already}” is already in the stack.` };
  if (stack.length >= STACK_MAX_ENTRIES) {
    return { ok: false, message: `A stack has at most ${STACK_MAX_ENTRIES} tools. Remove one before adding “${tool}”.` };
  }
  return { ok: true, stack: [...stack, choices.find((c) => stackKey(c) === key) ?? tool] };
}

export function removeStackTool(stack: readonly string[], tool: string): string[] {
  const key = stackKey(tool);
  return stack.filter((t) => stackKey(t) !== key);
}

/**
 * The mission once a lane is chosen: the lane's starting text when the mission is still empty or
 * still exactly another lane's starter; null when the manager has written their own (never replaced).
 */
export function missionForLane(mission: string, lane: Lane): string | null {
  const text = mission.trim();
  const untouched = text === '' || LANES.some((l) => MISSION_STARTERS[l] === text);
  return untouched && text !== MISSION_STARTERS[lane] ? MISSION_STARTERS[lane] : null;
}
