/** The search helpers: folding, safe Lucene queries from any input, and which name matched. */
import {
  fold,
  luceneQuery,
  matchedName,
  searchPlan,
  terms,
} from '../../src/modules/search/search.query';

describe('search query building', () => {
  it('folds case and Latin diacritics but keeps Cyrillic letters whole', () => {
    expect(fold('Rüütelmann JÄÄTMETE')).toBe('ruutelmann jaatmete');
    expect(fold('Леонтьевский Йошкар')).toBe('леонтьевский йошкар');
    // Letters NFD does not decompose, folded as the index's ASCII folding does.
    expect(fold('Ørsted Łódź Straße Sitra’s')).toBe("orsted lodz strasse sitra's");
  });

  it('cuts words where the index does: dates, apostrophes and abbreviations stay whole', () => {
    expect(terms('Tapaaminen 29.10.2019')).toEqual(['tapaaminen', '29.10.2019']);
    expect(terms("Sitra's team, St. Petersburg")).toEqual(["sitra's", 'team', 'st', 'petersburg']);
    expect(terms('Norte Energía S.A. 1,5')).toEqual(['norte', 'energia', 's.a', '1,5']);
    expect(terms('Санкт-Петербург «Ингрия»')).toEqual(['санкт', 'петербург', 'ингрия']);
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
  });

  it('asks for exact, prefix and (from four letters) fuzzy matches of every word', () => {
    expect(luceneQuery(['sitra'])).toBe('+(sitra^4 OR sitra*^2 OR sitra~1)');
    expect(luceneQuery(['eu', 'taaskasutusklaster'])).toBe(
      '+(eu^4 OR eu*^2) +(taaskasutusklaster^4 OR taaskasutusklaster*^2 OR taaskasutusklaster~2)',
    );
  });

  it('does not require stop words (the folding index holds none) unless there is nothing else', () => {
    expect(luceneQuery(['energy', 'in', 'water'])).toBe(
      '+(energy^4 OR energy*^2 OR energy~1) +(water^4 OR water*^2 OR water~1)',
    );
    expect(luceneQuery(['the', 'it'])).toBe('+(the^4 OR the*^2) +(it^4 OR it*^2)');
  });

  it('asks for a word kept whole across a full stop or apostrophe also as its parts', () => {
    expect(luceneQuery(['st.petersburg'])).toBe(
      '+(st.petersburg^4 OR st.petersburg*^2 OR (+(st^4 OR st*^2) +(petersburg^4 OR petersburg*^2 OR petersburg~2)))',
    );
    expect(luceneQuery(["sitra's"])).toBe(
      "+(sitra's^4 OR sitra's*^2 OR (+(sitra^4 OR sitra*^2 OR sitra~1) +(s^4 OR s*^2)))",
    );
  });

  it('asks at most eight words one by one', () => {
    expect(luceneQuery('b c d e f g h i j k'.split(' ')).match(/\+\(/g)).toHaveLength(8);
  });

  it('asks for a query of several words as a phrase too, analyzed by the index, quotes escaped', () => {
    expect(searchPlan('Energy in Water')).toMatchObject({
      index: 'entity_names',
      lucene:
        'name:"Energy in Water"^24 "Energy in Water"^8 (+(energy^4 OR energy*^2 OR energy~1) +(water^4 OR water*^2 OR water~1))',
      words: ['energy', 'in', 'water'],
    });
    expect(searchPlan('x "b\\').lucene).toBe(
      'name:"x \\"b\\\\"^24 "x \\"b\\\\"^8 (+(x^4 OR x*^2) +(b^4 OR b*^2))',
    );
    expect(searchPlan('helsinki').lucene).toBe(
      'name:"helsinki"^24 +(helsinki^4 OR helsinki*^2 OR helsinki~2)',
    );
  });

  it('sends a query of stop words alone to the index that keeps them', () => {
    expect(searchPlan('IT')).toMatchObject({
      index: 'entity_names_verbatim',
      lucene: 'name:"IT"^24 +(it^4 OR it*^2)',
    });
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

  it('names the name or alias that is the query exactly, then the one that is it but stop words', () => {
    const names = ['Circular Economy Playbook – business models', 'Circular Economy Playbook'];
    expect(matchedName(['circular', 'economy', 'playbook'], names)).toBe(
      'Circular Economy Playbook',
    );
    expect(
      matchedName(['forum', 'strategists'], ['Strategists Forum 2019', 'Forum of Strategists']),
    ).toBe('Forum of Strategists');
  });
});
