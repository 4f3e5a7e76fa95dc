/**
 * The mention finder alone (no database): inflected forms through the stemmer, offsets as
 * JavaScript string offsets, acronyms and short names, words of one name not across a sentence,
 * and which of overlapping matches are kept.
 */
import {
  findMentions,
  lookupTerms,
  stemmerFor,
  tokenize,
} from '../../src/modules/document/mention-finder';

const LEONTIEF = { id: 'leontief', names: ['Leontief Centre', 'Leontief -keskus'] };
const CIRCULAR = { id: 'circular', names: ['Circular economy', 'kiertotalous'] };
const forms = (text: string, language: string, candidates = [LEONTIEF, CIRCULAR]): string[] =>
  findMentions(text, language, candidates).map((m) => m.form);

describe('findMentions', () => {
  const TEXT = 'Elena Belova Leontief -keskuksesta puhui kiertotaloudessa toimivista yrityksistä.';

  it('finds Finnish case forms through the Finnish stemmer, and not without it', () => {
    expect(forms(TEXT, 'fi')).toEqual(['Leontief -keskuksesta', 'kiertotaloudessa']);
    // A language without a stemmer compares words as written (with the stem tolerance only).
    expect(forms(TEXT, 'xx')).toEqual([]);
  });

  it('gives offsets into the text as JavaScript counts them, astral characters included', () => {
    const text = `𝒳𝒴 ${TEXT}`;
    for (const m of findMentions(text, 'fi', [LEONTIEF, CIRCULAR]))
      expect(text.slice(m.start, m.end)).toBe(m.form);
    expect(findMentions(text, 'fi', [LEONTIEF])[0]!.start).toBe(text.indexOf('Leontief'));
  });

  it('keeps the case of acronyms and matches short names only whole', () => {
    const it = { id: 'it', names: ['IT'] };
    const eu = { id: 'eu', names: ['EU'] };
    expect(forms('It was said that it works with IT firms in the EU.', 'en', [it, eu])).toEqual([
      'IT',
      'EU',
    ]);
    expect(forms('Euroopassa ja Eurooppa', 'fi', [eu])).toEqual([]);
  });

  it('does not join the words of one name across a sentence or a line', () => {
    expect(forms('Tämä on Leontief. Keskus on muualla.', 'fi', [LEONTIEF])).toEqual([]);
    expect(forms('Leontief\n-keskus', 'fi', [LEONTIEF])).toEqual([]);
  });

  it('keeps a name inside a longer one, drops one crossing a longer one, keeps equal spans', () => {
    const avaesen = { id: 'avaesen', names: ['Valencia regiooni taastuvenergia klaster'] };
    const valencia = { id: 'valencia', names: ['Valencia regioon'] };
    const energy = { id: 'energy', names: ['taastuvenergia'] };
    const found = findMentions('Valencia regiooni taastuvenergia klastrist Avaesen', 'et', [
      avaesen,
      valencia,
      energy,
    ]);
    expect(found.map((m) => m.entityId).sort()).toEqual(['avaesen', 'energy', 'valencia']);
    const a = { id: 'a', names: ['Energy in Water'] };
    const b = { id: 'b', names: ['Energy in Water'] };
    const c = { id: 'c', names: ['Water Works'] };
    expect(
      findMentions('Energy in Water Works', 'en', [a, b, c])
        .map((m) => m.entityId)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('asks the names index with prefix terms, without stop words or bare numbers', () => {
    const terms = lookupTerms(tokenize('Sitran ja the 2019 Pietarissa', stemmerFor('fi')));
    expect(terms).toEqual(['sitr*', 'ja', 'piet*']);
  });
});
