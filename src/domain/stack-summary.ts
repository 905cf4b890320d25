/**
 * The stack in one short line: the first few tools and how many more, e.g. "AWS · Kubernetes ·
 * KServe +3". Its own module, with no imports, because the roles list (the first screen) uses it.
 */
export function stackSummary(stack: readonly string[], shown = 3): string {
  const more = stack.length - shown;
  return stack.slice(0, shown).join(' · ') + (more > 0 ? ` +${more}` : '');
}
