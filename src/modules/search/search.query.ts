/**
 * Turns any user string into a safe Lucene query for the entity_names index, and picks the name
 * or alias a hit matched. Pure functions: no I/O.
 */

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;

/** Lower case, and Latin letters without their diacritics (as the index's folding analyzer does). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .toLowerCase();
}

/** Words of the query: letters and digits only, so no Lucene syntax can get through. */
export function terms(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
}

/**
 * Every word must match, exactly (boosted), as a prefix, or within an edit distance for typos
 * (1 from four letters, 2 from eight).
 */
export function luceneQuery(words: string[]): string {
  return words
    .map((w) => {
      const options = [`${w}^4`, `${w}*^2`];
      if (w.length >= 4) options.push(`${w}~${w.length >= 8 ? 2 : 1}`);
      return `(${options.join(' OR ')})`;
    })
    .join(' AND ');
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
function cost(words: string[], candidate: string): number {
  const candidateWords = fold(candidate)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
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

/** The name or alias the query words fit best (the primary name on a tie). */
export function matchedName(words: string[], names: string[]): string {
  let best = names[0] ?? '';
  let bestCost = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const c = cost(words, name);
    if (c < bestCost) {
      best = name;
      bestCost = c;
    }
  }
  return best;
}
