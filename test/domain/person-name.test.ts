import { describe, expect, it } from 'vitest';
import { isBlankName, nameKey, personName, rankNameSuggestions, sameName, visibleName } from '../../src/domain/person-name';

describe('sameName: one rule for "is this the same person"', () => {
  it.each([
    ['full case folding: ß is ss', 'Jonas Weiß', 'jonas weiss', true],
    ['capitals and doubled spaces', 'Jonas Weiß', 'JONAS  WEISS', true],
    ['capital ẞ is ss', 'JONAS WEIẞ', 'jonas weiss', true],
    ['final sigma is sigma', 'Οδυσσευς', 'ΟΔΥΣΣΕΥΣ', true],
    ['a zero-width space is not there', 'Ana\u200BLopez', 'AnaLopez', true],
    ['joiners, BOM, soft hyphen, bidi marks, variation selector, CGJ are not there', '\u200DA\u00ADn\u200Ea\uFE0F \u2066Lo\u034Fpez\u2069\uFEFF', 'Ana Lopez', true],
    ['Mongolian vowel separator and word joiner are not there', 'Ana\u180E Lo\u2060pez', 'Ana Lopez', true],
    ['fullwidth letters are letters', 'Ａｎａ', 'ana', true],
    ['a combining accent is the accented letter', 'e\u0301', '\u00E9', true],
    ['a combining accent inside a name', 'Jose\u0301', 'José', true],
    ['a lone final sigma is sigma', 'ς', 'σ', true],
    ['non-breaking and ideographic spaces are spaces, ends trimmed', '\u00A0Ana\u3000Lopez\t\n', 'Ana Lopez', true],
    ['a different name', 'Ana', 'Anna', false],
    ['accents still matter', 'Zoë', 'Zoe', false],
    ['an invisible character does not join two words', 'Ana Lopez', 'AnaLopez', false],
  ])('%s', (_case, a, b, same) => {
    expect(sameName(a, b)).toBe(same);
    expect(nameKey(a) === nameKey(b)).toBe(same);
  });

  it('gives the folded key', () => {
    expect(nameKey('  Jonas\u200B  Weiß ')).toBe('jonas weiss');
    expect(nameKey('e\u0301')).toBe('\u00E9');
  });
});

describe('isBlankName', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['\u200B\u200D\uFEFF', true],
    ['\u00AD \u2060\u180E\t', true],
    ['\u3164', true],
    ['A', false],
    ['\u200BA\u200B', false],
  ])('%j → %s', (name, blank) => {
    expect(isBlankName(name)).toBe(blank);
  });
});

describe('visibleName: what is stored and shown', () => {
  it.each([
    ['Ana\u200B  Lopez ', 'Ana Lopez'],
    ['Jose\u0301', 'José'],
    // Kept as typed, unlike the key: case and compatibility forms are the person's own spelling.
    ['Jonas Weiß', 'Jonas Weiß'],
    ['Ａｎａ', 'Ａｎａ'],
  ])('%j → %j', (name, shown) => {
    expect(visibleName(name)).toBe(shown);
  });
});

describe('personName schema', () => {
  const schema = personName('Interviewer name', 10);

  it.each<[string, { data: string } | { message: string }]>([
    ['Ana', { data: 'Ana' }],
    ['  Ana  ', { data: 'Ana' }],
    ['', { message: 'Interviewer name is required.' }],
    ['\u200B\u200D\uFEFF', { message: 'Interviewer name is required.' }],
    ['Bartholomew Z', { message: 'Interviewer name must be at most 10 characters.' }],
  ])('%j', (input, expected) => {
    const result = schema.safeParse(input);
    if ('data' in expected) {
      expect(result).toMatchObject({ success: true, data: expected.data });
    } else {
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([expected.message]);
    }
  });
});

describe('rankNameSuggestions: accents rank the loop’s names, never merge them', () => {
  const loop = ['Zoë Martin', 'Jonas Weiß', 'Zoe Martinez', 'Ana Lopez', 'Łukasz Nowak'];
  it('offers the name with accents first to someone who typed it without', () => {
    expect(rankNameSuggestions('zoe martin', loop)).toEqual(['Zoë Martin', 'Zoe Martinez']);
    expect(rankNameSuggestions('lukasz nowak', loop)).toEqual(['Łukasz Nowak']);
  });
  it('puts the exact name before a near one', () => {
    expect(rankNameSuggestions('Zoe Martinez', loop)[0]).toBe('Zoe Martinez');
    expect(rankNameSuggestions('jonas weiss', loop)).toEqual(['Jonas Weiß']);
  });
  it('matches the start of any word, then anywhere', () => {
    expect(rankNameSuggestions('lop', loop)).toEqual(['Ana Lopez']);
    expect(rankNameSuggestions('mart', loop)).toEqual(['Zoë Martin', 'Zoe Martinez']);
    expect(rankNameSuggestions('tin', loop)).toEqual(['Zoë Martin', 'Zoe Martinez']);
  });
  it('offers nothing for blank or unmatched input, and each person once', () => {
    expect(rankNameSuggestions('   ', loop)).toEqual([]);
    expect(rankNameSuggestions('xyz', loop)).toEqual([]);
    expect(rankNameSuggestions('ana', ['Ana Lopez', 'ANA LOPEZ'])).toEqual(['Ana Lopez']);
  });
  it('does not make the near names the same person', () => {
    expect(sameName('Zoe Martin', 'Zoë Martin')).toBe(false);
  });
});
