/** The search helpers: folding, safe Lucene queries from any input, and which name matched. */
import { fold, luceneQuery, matchedName, terms } from '../../src/modules/search/search.query';

describe('search query building', () => {
  it('folds case and Latin diacritics but keeps Cyrillic letters whole', () => {
    expect(fold('Rüütelmann JÄÄTMETE')).toBe('ruutelmann jaatmete');
    expect(fold('Леонтьевский Йошкар')).toBe('леонтьевский йошкар');
  });

  it('keeps only letters and digits, so no Lucene syntax survives', () => {
    expect(terms('") OR name:* AND ~x^9 \\ Cata3Pult')).toEqual([
      'or',
      'name',
      'and',
      'x',
      '9',
      'cata3pult',
    ]);
    expect(terms('!!! ***')).toEqual([]);
    expect(terms('a b c d e f g h i j k')).toHaveLength(8);
  });

  it('asks for exact, prefix and (from four letters) fuzzy matches of every word', () => {
    expect(luceneQuery(['sitra'])).toBe('(sitra^4 OR sitra*^2 OR sitra~1)');
    expect(luceneQuery(['eu', 'taaskasutusklaster'])).toBe(
      '(eu^4 OR eu*^2) AND (taaskasutusklaster^4 OR taaskasutusklaster*^2 OR taaskasutusklaster~2)',
    );
  });

  it('names the alias that fits best: exact, then prefix, then nearest', () => {
    expect(matchedName(['brussel'], ['Brussels', 'Brüssel', 'Bruxelles'])).toBe('Brüssel');
    expect(matchedName(['pietari'], ['St Petersburg', 'Pietari', 'Санкт-Петербург'])).toBe(
      'Pietari',
    );
    expect(matchedName(['kaufman'], ['Daniel Kaufmann'])).toBe('Daniel Kaufmann');
    expect(matchedName(['leontief', 'centre'], ['Leontief Centre', 'Leontief-keskus'])).toBe(
      'Leontief Centre',
    );
  });
});
