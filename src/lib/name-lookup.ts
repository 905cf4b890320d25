import { rankNameSuggestions, sameName } from '../domain/person-name';

export type NameLookup = {
  /** The loop's names to offer for what has been typed, best first. */
  suggest: (typed: string) => string[];
  /** Why a typed name will open no interview, or null when the loop has it (by the one name rule). */
  unknownNote: (typed: string) => string | null;
};

/** Help for typing one's name against a loop: ranked suggestions and the "not on this loop" note. */
export function loopNameLookup(names: readonly string[]): NameLookup {
  return {
    suggest: (typed) => rankNameSuggestions(typed, names).filter((name) => name !== typed),
    unknownNote: (typed) =>
      names.length === 0 || typed.trim() === '' || names.some((name) => sameName(name, typed))
        ? null
        : `No one on this loop has that name, so no interview will open for it. The loop has ${names.join(', ')}.`,
  };
}
