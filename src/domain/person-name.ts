import { requiredText } from './fields';

/**
 * The one rule for telling whether two typed names are the same person, used everywhere a name is
 * matched: the loop, "your name" on this device, and every incoming file. One rule matters more
 * than which rule: a name accepted by one check and refused by another fails silently.
 *
 * Two names are the same person when they read the same:
 * - Unicode NFKC, so "e" + combining acute is "é" and fullwidth "Ａｎａ" is "Ana";
 * - invisible characters dropped (zero-width spaces and joiners, soft hyphens, bidi controls,
 *   variation selectors, …): they change the bytes, not what anyone reads;
 * - runs of whitespace (and control characters) read as one space, none at either end;
 * - full case folding, so case never matters. Full, not simple: "Jonas Weiß", "jonas weiss" and
 *   "JONAS WEISS" are one person, because "WEISS" is how German writes "Weiß" in capitals and a
 *   colleague typing without an ß key writes "weiss". Likewise ẞ → ss and final ς → σ.
 *
 * Accents are NOT ignored: "Zoë" and "Zoe" may be different people, and a rule that merges them
 * would let one interviewer's name stand in for another's.
 */

/**
 * Code points that render as nothing. `\p{Default_Ignorable_Code_Point}` is Unicode's own list
 * (it holds every one named here); the explicit ranges keep them refused on an engine whose Unicode
 * tables predate one of them.
 */
// The combining grapheme joiner and the variation selectors stand alone, outside the class: inside
// one, next to another character, they read (to people and to ESLint) as one combined character.
const INVISIBLE =
  /[\p{Default_Ignorable_Code_Point}\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\u034F|[\uFE00-\uFE0F]/gu;

/** Whitespace and control characters (tabs, line breaks, NEL) all read as a gap between words. */
const GAPS = /[\s\p{Cc}]+/gu;

function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

function collapseGaps(text: string): string {
  return text.replace(GAPS, ' ').trim();
}

/**
 * Full case folding. JavaScript has no `casefold()`; lower → upper → lower gives it for names:
 * the upper step spells out ß and ẞ as SS and merges final ς with σ (and ſ with s), the last step
 * brings all of it to lower case. Its one departure from Unicode's folding, dotless ı reading as
 * i, only ever merges spellings a reader would take for the same name.
 */
function foldCase(text: string): string {
  return text.toLowerCase().toUpperCase().toLowerCase();
}

/** The key two names are compared by: equal keys, same person. Not for display. */
export function nameKey(name: string): string {
  const visible = withoutInvisible(name.normalize('NFKC'));
  // NFKC again after folding: a case mapping can leave a letter and its accent apart ("ǰ" → "J̌" → "ǰ").
  // Invisible characters again too: NFKC can turn one (U+3164) into another (U+1160).
  return collapseGaps(withoutInvisible(foldCase(visible).normalize('NFKC')));
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** True when nothing a reader could see is left once invisible characters and whitespace are gone. */
export function isBlankName(name: string): boolean {
  return collapseGaps(withoutInvisible(name)) === '';
}

/**
 * The name as stored and shown: composed (NFC, so the same letters are the same bytes), without
 * invisible characters, one space between words. Unlike the key it keeps case and compatibility
 * characters, so it reads the way the person typed it.
 */
export function visibleName(name: string): string {
  return collapseGaps(withoutInvisible(name.normalize('NFC')));
}

/**
 * A required person's name for a schema: like `requiredText`, and a name made only of invisible
 * characters is refused as missing, with the same message, since to the reader it is missing.
 */
export function personName(label: string, max: number) {
  // An empty name already has its message from `requiredText`; say it once.
  return requiredText(label, max).refine((name) => name === '' || !isBlankName(name), `${label} is required.`);
}

/** Letters whose stroke or ligature is not a combining mark, so removing marks leaves them as they are. */
const PLAIN_LETTERS: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };

/** The key a name is looked up by while typing: the name rule's key without accents ("zoë" → "zoe", "łukasz" → "lukasz"). */
function lookupKey(name: string): string {
  return nameKey(name)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđħıæœþð]/gu, (c) => PLAIN_LETTERS[c] ?? c)
    .normalize('NFC');
}

/**
 * The loop's names to offer while someone types theirs, best first: the same name, then the same
 * letters without accents ("Zoe" finds "Zoë"), then names starting with what was typed, then names
 * containing it. Accents only rank: whether a typed name IS a name on the loop is still `sameName`.
 */
export function rankNameSuggestions(typed: string, names: readonly string[], limit = 5): string[] {
  const query = lookupKey(typed);
  if (query === '') return [];
  const exactKey = nameKey(typed);
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const key = nameKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    const loose = lookupKey(name);
    const words = loose.split(' ');
    const score =
      key === exactKey ? 0 : loose === query ? 1 : loose.startsWith(query) ? 2 : words.some((w) => w.startsWith(query)) ? 3 : loose.includes(query) ? 4 : -1;
    if (score >= 0) scored.push({ name, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}
