/**
 * Finds the known entities a text mentions, by their names and aliases in any language, through
 * inflected forms ("Sitran", "Pietarissa", "Leontief -keskuksesta"). Pure functions: no I/O.
 *
 * Words are compared by their Snowball stems (@orama/stemmers) in the document's language, both
 * the text's words and the names' words, then folded like the names index (lower case, Latin
 * letters without diacritics). Snowball removes case endings but not the stem changes of Finnic
 * languages (keskus -> keskuks-, klaster -> klastri-), and has no Estonian stemmer in a
 * CommonJS package: two stems also match when they share all but their last one or two letters
 * (never fewer than four) and differ in length by at most three. That is a tolerance on stems,
 * not a suffix list: it knows no language.
 *
 * The repository asks the names index for candidates with `lookupTerms` (prefix terms of the
 * text's stems), so a graph of any size sends only the names that could match to `findMentions`.
 */
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as armenian } from '@orama/stemmers/armenian';
import { stemmer as bulgarian } from '@orama/stemmers/bulgarian';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as hungarian } from '@orama/stemmers/hungarian';
import { stemmer as indonesian } from '@orama/stemmers/indonesian';
import { stemmer as irish } from '@orama/stemmers/irish';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as lithuanian } from '@orama/stemmers/lithuanian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as serbian } from '@orama/stemmers/serbian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';
import { fold, STOP_WORDS } from '../search/search.query';

type Stemmer = (word: string) => string;

/** Snowball stemmers by the primary subtag of a BCP 47 tag. */
const STEMMERS: Readonly<Record<string, Stemmer>> = {
  ar: arabic,
  hy: armenian,
  bg: bulgarian,
  da: danish,
  nl: dutch,
  en: english,
  fi: finnish,
  fr: french,
  de: german,
  el: greek,
  hu: hungarian,
  id: indonesian,
  ga: irish,
  it: italian,
  lt: lithuanian,
  no: norwegian,
  nb: norwegian,
  nn: norwegian,
  pt: portuguese,
  ro: romanian,
  ru: russian,
  sr: serbian,
  es: spanish,
  sv: swedish,
  tr: turkish,
  uk: ukrainian,
};

/** The languages with a stemmer; the others (Estonian among them) compare whole words. */
export const STEMMED_LANGUAGES: readonly string[] = Object.keys(STEMMERS).sort();

export function stemmerFor(language: string): Stemmer {
  return STEMMERS[language.split('-')[0]!.toLowerCase()] ?? ((word) => word);
}

/** A word of a text (or of a name): where it is, as written, and its folded stem. */
export interface Token {
  start: number;
  end: number;
  raw: string;
  stem: string;
}

/** Runs of letters, marks and digits: hyphens, colons, apostrophes and spaces cut words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** At most this many characters between two words of one name ("Leontief -keskus": " -", "Forum «Water» — Vyborg": "» — "). */
const MAX_GAP = 5;
/** The shortest stem that may match a longer or changed one. */
const MIN_SHARED = 4;
/** Stems this long or shorter match only exactly (sitr, wcef ...). */
const EXACT_UP_TO = 4;

export function tokenize(text: string, stem: Stemmer): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    tokens.push({
      start: m.index,
      end: m.index + raw.length,
      raw,
      stem: fold(stem(raw.toLowerCase())),
    });
  }
  return tokens;
}

const shared = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
};

const isAcronym = (raw: string): boolean =>
  raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();

/** Whether a word of the text is a form of a word of a name. */
export function sameWord(text: Token, name: Token): boolean {
  // Acronyms keep their case: "IT" is not "it".
  if (isAcronym(name.raw) && !text.raw.startsWith(name.raw)) return false;
  if (name.raw.length < MIN_SHARED) return fold(text.raw) === fold(name.raw);
  if (text.stem === name.stem) return true;
  const n = name.stem.length;
  if (n <= EXACT_UP_TO) return false;
  const need = Math.max(MIN_SHARED, n - (n <= 6 ? 1 : 2));
  return shared(text.stem, name.stem) >= need && Math.abs(text.stem.length - n) <= 3;
}

/**
 * Lucene terms that find, in the names index (folded, unstemmed words), every name with a word
 * that `sameWord` could match to a word of the text: each stem cut to its first
 * max(4, length - 4) letters as a prefix term, short words as exact terms; stop words, which the
 * index leaves out, and numbers alone are not asked. Distinct, in order of first occurrence.
 */
export function lookupTerms(tokens: readonly Token[]): string[] {
  const terms = new Set<string>();
  for (const t of tokens) {
    const word = fold(t.raw);
    if (/^\p{N}+$/u.test(word) || STOP_WORDS.has(word)) continue;
    if (word.length < MIN_SHARED) {
      terms.add(word);
      continue;
    }
    const prefix = t.stem.slice(0, Math.max(MIN_SHARED, t.stem.length - 4));
    // A stem that folds to nothing the index holds as letters (rare scripts) is asked whole.
    terms.add(/^[\p{L}\p{N}]+$/u.test(prefix) ? `${prefix}*` : word);
  }
  return [...terms];
}

/** A known entity with every name it goes by (name and aliases). */
export interface Candidate {
  id: string;
  names: string[];
}

export interface FoundMention {
  entityId: string;
  /** JavaScript string offsets (UTF-16 code units) into the text: text.slice(start, end) = form. */
  start: number;
  end: number;
  form: string;
  /** The name or alias that matched. */
  name: string;
}

/**
 * Every place the text names a candidate. Of two matches that cross (each runs past the other's
 * end), the longer wins; a match inside a longer one is kept, because a long name holds real
 * mentions ("Valencia regiooni taastuvenergia klastrist" names Avaesen, the Valencia region and
 * renewable energy, and the seed documents' hand-made mentions count all three); matches of equal
 * spans are all kept (one name of two entities: "Energy in Water", the project and the topic).
 */
export function findMentions(
  text: string,
  language: string,
  candidates: readonly Candidate[],
): FoundMention[] {
  const stem = stemmerFor(language);
  const tokens = tokenize(text, stem);
  // Text words by the first letters of their stems: a name's first word is looked up, not scanned.
  const byHead = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const head = t.stem.slice(0, MIN_SHARED);
    const list = byHead.get(head);
    if (list) list.push(i);
    else byHead.set(head, [i]);
  });
  const found: FoundMention[] = [];
  for (const candidate of candidates) {
    for (const name of new Set(candidate.names)) {
      const words = tokenize(name, stem);
      if (words.length === 0) continue;
      // A one-word name that is a stop word ("The") names nothing in running text; "IT" does.
      const only = words.length === 1 ? words[0]!.raw : null;
      if (only && !isAcronym(only) && STOP_WORDS.has(fold(only))) continue;
      for (const i of byHead.get(words[0]!.stem.slice(0, MIN_SHARED)) ?? []) {
        if (!matchesAt(text, tokens, i, words)) continue;
        const start = tokens[i]!.start;
        const end = tokens[i + words.length - 1]!.end;
        found.push({ entityId: candidate.id, start, end, form: text.slice(start, end), name });
      }
    }
  }
  return longestFirst(found);
}

function matchesAt(text: string, tokens: readonly Token[], i: number, words: readonly Token[]) {
  for (let j = 0; j < words.length; j += 1) {
    const t = tokens[i + j];
    if (!t || !sameWord(t, words[j]!)) return false;
    if (j > 0) {
      const gap = text.slice(tokens[i + j - 1]!.end, t.start);
      // Not across a line or a sentence ("25.10.2019" is one date, "Sitra. Pietari" two sentences).
      if (gap.length > MAX_GAP || /\n|[.!?]\s/.test(gap)) return false;
    }
  }
  return true;
}

/**
 * Drops each match that crosses a longer one (or one as long, found first), and each inside a
 * longer match of the same entity ("Pietarin cleantech -klusterin" holds "cleantech -klusterin"),
 * in text order.
 */
function longestFirst(found: FoundMention[]): FoundMention[] {
  const sorted = [...found].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: FoundMention[] = [];
  const seen = new Set<string>();
  for (const m of sorted) {
    const key = `${m.entityId}|${m.start}|${m.end}`;
    if (seen.has(key)) continue;
    const clash = kept.some(
      (k) =>
        k.start < m.end &&
        m.start < k.end &&
        (k.entityId === m.entityId || !(k.start <= m.start && m.end <= k.end)),
    );
    if (clash) continue;
    seen.add(key);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start || a.entityId.localeCompare(b.entityId));
}
