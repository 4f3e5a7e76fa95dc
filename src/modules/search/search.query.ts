/**
 * Turns any user string into a safe Lucene query for the full-text indexes over names and
 * aliases, the patterns that tell an exact name from a near one, and picks the name or alias a
 * hit matched. Pure functions: no I/O.
 */
import { FULLTEXT_INDEX as NAMES_INDEX } from '../../db/migrations/002_graph_model';
import { VERBATIM_NAMES_INDEX } from '../../db/migrations/005_verbatim_names';
import { MAX_NAME_LENGTH } from '../../shared/inputs';

/** As long as the longest name: every entity can be searched by its whole name. */
export const MAX_QUERY_LENGTH = MAX_NAME_LENGTH;

/**
 * The query without the invisible characters text pasted from web pages carries (soft hyphens,
 * zero-width spaces and joiners, byte order marks: Unicode's default-ignorable code points),
 * which names never hold (the text rules refuse them) and which would cut a word in two.
 */
export function visible(query: string): string {
  return query.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
}
/**
 * At most this many words are asked one by one (exact, prefix or typo), to bound the Lucene
 * work; a longer query still finds its exact name through the phrase clause, and the words
 * beyond only narrow the hits, so leaving them out never loses a match.
 */
const MAX_TERMS = 8;

/**
 * The stop words of the analyzer of NAMES_INDEX (standard-folding: Lucene's English set, read
 * with db.index.fulltext.listAvailableAnalyzers(); a test compares the two). That index does not
 * hold them, so a query must not require them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for if in into is it no not of on or such that the their ' +
    'then there these they this to was will with'
  ).split(' '),
);

/** Letters that do not decompose in NFD but that the index's ASCII folding folds all the same. */
const FOLDED: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  '’': "'",
  '‘': "'",
};
const FOLDED_CHARS = new RegExp(`[${Object.keys(FOLDED).join('')}]`, 'g');

/** Lower case, and Latin letters without their diacritics (as the index's folding analyzer does). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(FOLDED_CHARS, (c) => FOLDED[c]!);
}

/**
 * Words of the query as the index's tokenizer cuts them (Unicode word boundaries): runs of
 * letters and digits, kept whole across an inner apostrophe or full stop ("sitra's",
 * "29.10.2019", "st.petersburg") and digits across a comma. Nothing else survives, so no Lucene
 * syntax can get through (apostrophes and full stops mean nothing to Lucene).
 */
export function terms(query: string): string[] {
  return (
    fold(query).match(/\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:['.][\p{L}\p{M}\p{N}]+)*/gu) ?? []
  );
}

/**
 * One word matches exactly (boosted), as a prefix, or within an edit distance for typos (1 from
 * four letters, 2 from eight). A word kept whole across a full stop or apostrophe also matches
 * as its parts, each one so, since names may hold them apart ("St.Petersburg", "St. Petersburg").
 */
function wordClause(w: string): string {
  const options = [`${w}^4`, `${w}*^2`];
  const parts = w.split(/[.,']/).filter((p) => p.length > 0 && !STOP_WORDS.has(p));
  if (parts.length > 1) options.push(`(${parts.map((p) => `+${wordClause(p)}`).join(' ')})`);
  else if (w.length >= 4) options.push(`${w}~${w.length >= 8 ? 2 : 1}`);
  return `(${options.join(' OR ')})`;
}

/**
 * Every word that is not a stop word must match (see wordClause). Stop words are left out: the
 * folding index does not hold them (the phrase clause and the ranking still weigh them). A query
 * of stop words alone asks for all of them (it goes to the verbatim index, which holds them).
 */
export function luceneQuery(words: string[]): string {
  const content = words.filter((w) => !STOP_WORDS.has(w));
  return (content.length > 0 ? content : words)
    .slice(0, MAX_TERMS)
    .map((w) => `+${wordClause(w)}`)
    .join(' ');
}

/** Everything one search sends to Neo4j. */
export interface SearchPlan {
  /** The words, as the ranking and `matched` compare them. */
  words: string[];
  /** The full-text index to ask (a closed name, never from input). */
  index: typeof NAMES_INDEX | typeof VERBATIM_NAMES_INDEX;
  lucene: string;
  /** A Java regex a name (in NFD) matches when it is the query's words exactly, folded. */
  exact: string;
  /** The same with stop words anywhere optional on both sides. */
  loose: string;
}

const phrase = (query: string): string => `"${query.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/**
 * The Lucene query, the index and the name patterns for one user string. A query of several
 * words also asks for them as a phrase (analyzed by the index itself, so stop words, dates,
 * hyphens and apostrophes count as in the names), boosted above the words one by one: the whole
 * name or alias, however long, always matches. The phrase in the primary name alone is boosted
 * most: Lucene adds up the fields that match, so without it a long name that holds the words in
 * its aliases too outscores the entity named just so (on a generated graph of 19,000 entities,
 * "Helsinki" came 31st for "helsinki"), and might fall outside the candidates the ranking sees.
 */
export function searchPlan(query: string): SearchPlan {
  const tokens = terms(query);
  const words = plainWords(query);
  const stopOnly = tokens.every((t) => STOP_WORDS.has(t));
  const lucene = luceneQuery(tokens);
  return {
    words,
    index: stopOnly ? VERBATIM_NAMES_INDEX : NAMES_INDEX,
    lucene: `name:${phrase(query)}^24 ${tokens.length > 1 ? `${phrase(query)}^8 (${lucene})` : lucene}`,
    exact: namePattern(words, false),
    loose: namePattern(words, !stopOnly),
  };
}

/** Letters and digits only, folded: what two names must share to be the same name. */
function plainWords(text: string): string[] {
  return fold(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

// Reverse of FOLDED for single letters, so an exact pattern also takes the unfolded letter.
const UNFOLDED: Readonly<Record<string, string>> = {
  o: 'oø',
  d: 'dđð',
  l: 'lł',
  i: 'iı',
  h: 'hħ',
  t: 'tŧ',
};
const SEP = '[^\\p{L}\\p{M}\\p{N}]';
const STOP = `(?:${[...STOP_WORDS].join('|')})(?![\\p{L}\\p{M}\\p{N}])`;

/**
 * A Java regex (Neo4j's =~) matching a whole name, normalized to NFD, made of these words and
 * nothing else: any case, any diacritics, any punctuation between words. With `looseStops`,
 * stop words may be missing or extra anywhere. Words hold letters and digits only.
 */
function namePattern(words: string[], looseStops: boolean): string {
  const word = (w: string): string =>
    [...w].map((c) => (UNFOLDED[c] ? `[${UNFOLDED[c]}]` : c) + '\\p{M}*').join('');
  const content = looseStops ? words.filter((w) => !STOP_WORDS.has(w)) : words;
  const stops = looseStops ? `(?:${SEP}*+${STOP})*` : '';
  const between = looseStops ? `(?:${SEP}++${STOP})*${SEP}++` : `${SEP}++`;
  return `(?iu)^${stops}${SEP}*+${content.map(word).join(between)}${looseStops ? `(?:${SEP}++${STOP})*` : ''}${SEP}*+$`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** How far a candidate name is from the query words: each word's best distance to a word of the name. */
function cost(words: string[], candidateWords: string[]): number {
  if (candidateWords.length === 0) return Number.POSITIVE_INFINITY;
  return words.reduce((sum, w) => {
    // An exact word beats a prefix, which beats a near miss (a typo).
    const best = Math.min(
      ...candidateWords.map((c) =>
        c === w ? 0 : c.startsWith(w) ? 0.25 : distance(w, c.slice(0, w.length + 2)),
      ),
    );
    return sum + best;
  }, 0);
}

const same = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const content = (ws: string[]): string[] => ws.filter((w) => !STOP_WORDS.has(w));

/**
 * The name or alias the query words fit best: the same words, then the same words but stop
 * words, then the nearest (the primary name on a tie).
 */
export function matchedName(words: string[], names: string[]): string {
  let best = names[0] ?? '';
  let bestCost = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const nameWords = plainWords(name);
    const c = same(words, nameWords)
      ? -2
      : same(content(words), content(nameWords)) && content(words).length > 0
        ? -1
        : cost(words, nameWords);
    if (c < bestCost) {
      best = name;
      bestCost = c;
    }
  }
  return best;
}
