/**
 * Which built-in rubric versions every database holds, without their text (which loads only when
 * one is missing). A test checks this list against the built-ins themselves.
 */
export const BUILTIN_RUBRIC_KEYS: readonly (readonly [id: string, version: number])[] = [
  ['production-incident-review', 1],
  ['ml-system-design', 1],
  ['rollback-scenario', 1],
];
