/**
 * What free text stored in the graph may hold, decided once and used by every write path (the
 * GraphQL inputs, the seeds, the generator, API-key names).
 *
 * Refused everywhere, with a sentence naming the character and its code point:
 * - C0 control characters, DEL and C1 controls (invisible, they break exports and terminals);
 * - bidirectional formatting characters (embeddings, overrides, isolates and the invisible
 *   direction marks, which make text display other than it reads: "Trojan Source");
 * - line and paragraph separators, and lone surrogates;
 * - non-characters (\p{Noncharacter_Code_Point}: U+FDD0-U+FDEF and the last two code points of
 *   every plane, U+FFFE/U+FFFF ... U+10FFFE/U+10FFFF);
 * - invisible characters, decided by Unicode property rather than by list: every format
 *   character (\p{Cf}: zero width space, word joiner, BOM, soft hyphen, the invisible operators
 *   U+2061-U+2064, the tag characters U+E0000-U+E007F, the interlinear annotation characters
 *   U+FFF9-U+FFFB, the Mongolian vowel separator ...) and every default-ignorable code point
 *   (\p{Default_Ignorable_Code_Point}: the combining grapheme joiner, the Hangul fillers U+115F,
 *   U+1160, U+3164, U+FFA0, variation selectors, reserved ignorables ...). They display as
 *   nothing, so they make names that look alike but differ ("Sitra" and "Sit<ZWSP>ra" are two
 *   organisations), split words so that search misses them, and carry hidden data.
 *
 * Names and other one-line values ('line') may hold none of them, nor the braille blank U+2800
 * (a filler that is not white space) nor tab or line breaks. Prose ('prose': descriptions,
 * quotes, translations, summaries, answers) may hold tab, line feed and carriage return, and,
 * where a script or an emoji needs them (and only there):
 * - a zero width non-joiner or joiner (U+200C, U+200D) between two letters or marks of a script
 *   that shapes with them (Arabic and its neighbours, Mongolian, the Brahmic scripts of India and
 *   South-East Asia), e.g. Persian "می‌خواهم" or Devanagari "क्‍ष"; never in Latin, Cyrillic or
 *   Greek, which need none;
 * - a zero width joiner inside an emoji sequence (after an emoji, a skin tone or U+FE0F, before
 *   an emoji: family, profession and flag sequences);
 * - one variation selector U+FE0E/U+FE0F after an emoji character ("❤️", keycaps), and one
 *   variation selector after an ideograph (ideographic variation sequences).
 * Every other default-ignorable or format character is refused in prose too.
 */
import { ValidateBy, type ValidationOptions } from 'class-validator';

export type TextKind = 'line' | 'prose';

/** Quick test: may the text hold anything the rule refuses? (Prose exceptions decided after.) */
const LINE_SUSPECT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u2800\p{Cs}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]/gu;
const PROSE_SUSPECT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u2800\p{Cs}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]/gu;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
const FORMAT = /\p{Cf}/u;
/** A character that shows something by itself: a letter, digit, symbol or punctuation mark. */
const VISIBLE_BASE = /[\p{L}\p{N}\p{S}\p{P}]/u;
const PRIVATE_USE = /\p{Co}/u;
/** More combining marks in a row than any script writes on one character ("Zalgo" text). */
export const MAX_COMBINING_MARKS = 4;
const MARK_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1},}`, 'u');

/** Nothing but white space and invisible characters. */
const BLANK = /^[\s\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** Letters and marks of the scripts that shape with the zero width (non-)joiner. */
const JOINING_SCRIPT =
  /[\p{scx=Arab}\p{scx=Syrc}\p{scx=Nkoo}\p{scx=Mand}\p{scx=Mong}\p{scx=Adlm}\p{scx=Rohg}\p{scx=Deva}\p{scx=Beng}\p{scx=Guru}\p{scx=Gujr}\p{scx=Orya}\p{scx=Taml}\p{scx=Telu}\p{scx=Knda}\p{scx=Mlym}\p{scx=Sinh}\p{scx=Mymr}\p{scx=Khmr}\p{scx=Tibt}]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const EMOJI = /\p{Emoji}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const BEFORE_EMOJI_ZWJ = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
const IDEOGRAPH = /\p{Ideographic}/u;

const isVariationSelector = (code: number): boolean =>
  (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);

/** The character ending just before `index` (a whole surrogate pair), or undefined. */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
}

/** The character starting at `index` (a whole surrogate pair), or undefined. */
function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

const is = (re: RegExp, char: string | undefined): boolean => char !== undefined && re.test(char);

/** Whether prose may hold the invisible character `char` found at `index` (see the header). */
function allowedInProse(text: string, index: number, char: string): boolean {
  const code = char.codePointAt(0)!;
  const before = charBefore(text, index);
  const after = charAt(text, index + char.length);
  if (code === 0x200c || code === 0x200d) {
    const joinsLetters =
      is(LETTER_OR_MARK, before) &&
      is(LETTER_OR_MARK, after) &&
      is(JOINING_SCRIPT, before) &&
      is(JOINING_SCRIPT, after);
    const joinsEmoji = code === 0x200d && is(BEFORE_EMOJI_ZWJ, before) && is(PICTOGRAPH, after);
    return joinsLetters || joinsEmoji;
  }
  // A selector is neither an emoji nor an ideograph, so a second one in a row is refused.
  if (code === 0xfe0e || code === 0xfe0f) return is(EMOJI, before) || is(IDEOGRAPH, before);
  if (isVariationSelector(code)) return is(IDEOGRAPH, before);
  return false;
}

function hexOf(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether the description of a refused character says it is invisible (or a non-character). */
function isInvisibleClass(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (code === 0x2028 || code === 0x2029) return false;
  return !BIDI.test(char);
}

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = hexOf(code);
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return `a control character (${hex})`;
  if (code >= 0xd800 && code <= 0xdfff) return `a lone surrogate (${hex})`;
  if (code === 0x2028 || code === 0x2029) return `a line or paragraph separator (${hex})`;
  if (BIDI.test(char)) return `a bidirectional formatting character (${hex})`;
  if (NONCHARACTER.test(char)) return `a non-character (${hex})`;
  if (code >= 0xe0000 && code <= 0xe007f) return `an invisible tag character (${hex})`;
  if (isVariationSelector(code) || (code >= 0x180b && code <= 0x180f && code !== 0x180e))
    return `an invisible variation selector (${hex})`;
  if ([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800].includes(code))
    return `an invisible filler (${hex})`;
  if (FORMAT.test(char)) return `an invisible formatting character (${hex})`;
  return `an invisible character (${hex})`;
}

/** The first character the text may not hold, or undefined. */
function firstForbidden(value: string, kind: TextKind): string | undefined {
  const suspect = kind === 'line' ? LINE_SUSPECT : PROSE_SUSPECT;
  suspect.lastIndex = 0;
  for (let m = suspect.exec(value); m; m = suspect.exec(value)) {
    const char = m[0];
    if (kind === 'prose' && isInvisibleClass(char) && allowedInProse(value, m.index, char))
      continue;
    return char;
  }
  return undefined;
}

/**
 * The first character the text may not hold, described ("a control character (U+0009)", "an
 * invisible formatting character (U+200B)"), or undefined when the text is acceptable.
 */
export function forbiddenCharacter(value: string, kind: TextKind = 'line'): string | undefined {
  const char = firstForbidden(value, kind);
  return char === undefined ? undefined : describe(char);
}

/** The sentence (without the field's name) saying why a text is refused. */
export function textProblem(value: string, kind: TextKind = 'line'): string | undefined {
  // A name of spaces (or of invisible characters) names nothing, and was stored trimmed to "";
  // a description or summary of them says nothing.
  // (A prose value names the invisible character it holds first, as it did.)
  const blank = value.length > 0 && BLANK.test(value);
  if (blank && kind === 'line') return 'must hold a visible character, not only spaces';
  const char = firstForbidden(value, kind);
  if (char === undefined)
    return blank ? 'must hold a visible character, not only spaces' : shapeProblem(value, kind);
  const found = describe(char);
  if (isInvisibleClass(char)) {
    const allowed =
      kind === 'prose'
        ? ' (joiners inside words of scripts that need them, emoji sequences and the variation selectors of emoji and ideographs are fine)'
        : '';
    return `must not hold invisible characters or non-characters${allowed}; found ${found}`;
  }
  const allowed = kind === 'prose' ? ' (tab and line breaks are fine)' : '';
  return `must not hold control or bidirectional formatting characters${allowed}; found ${found}`;
}

/** What the characters, all allowed one by one, make together (see the header). */
function shapeProblem(value: string, kind: TextKind): string | undefined {
  if (kind === 'line') {
    const privateUse = PRIVATE_USE.exec(value);
    if (privateUse)
      return `must not hold private-use characters (they show as something else, or nothing, on every system); found a private-use character (${hexOf(privateUse[0].codePointAt(0)!)})`;
  }
  if (value.length > 0 && !VISIBLE_BASE.test(value))
    return 'must hold a visible character (a letter, digit, symbol or punctuation mark), not only combining marks, private-use characters or spaces';
  const run = MARK_RUN.exec(value);
  if (run) {
    const marks = [...run[0]];
    return `must not stack more than ${MAX_COMBINING_MARKS} combining marks on one character; found ${marks.length} in a row (${hexOf(marks[0]!.codePointAt(0)!)} ...)`;
  }
  return undefined;
}

/** A text field that follows the rule above (class-validator; null and undefined pass). */
export function SafeText(kind: TextKind = 'line', options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: kind === 'line' ? 'safeLine' : 'safeProse',
      validator: {
        validate: (value: unknown) =>
          value === null ||
          value === undefined ||
          (typeof value === 'string' && textProblem(value, kind) === undefined),
        defaultMessage: (args) =>
          `${args?.property ?? 'text'} ${
            typeof args?.value === 'string'
              ? (textProblem(args.value, kind) ?? 'is not acceptable text')
              : 'must be text'
          }`,
      },
    },
    options,
  );
}

/** A character no URL may hold: private use, unassigned (or a surrogate). */
const URL_UNKNOWN = /[\p{Co}\p{Cn}\p{Cs}]/u;
/** A label of a host: letters, digits and marks (not first) of any script, and hyphens. */
const HOST_LABEL = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}-]*$/u;

/**
 * Why a URL is not one the graph stores (the sentence, without the field's name), or undefined:
 * the text rule for one-line values (no control, bidirectional, invisible or private-use
 * characters), no white space, no unassigned characters, and an absolute http(s) URL with a host
 * and without a user name or password ("https://sitra.fi@evil.example/" leads to evil.example).
 * The host is made of letters and digits of any script (with their marks, never first in a
 * label), hyphens and dots, or is an IP address: no symbols such as U+1D159. Non-Latin letters
 * in the path are fine (an IRI as a browser shows it).
 */
export function urlProblem(value: string): string | undefined {
  const text = textProblem(value, 'line');
  if (text) return text;
  if (/\s/u.test(value)) return 'must be an http(s) URL, without white space';
  const unknown = URL_UNKNOWN.exec(value);
  if (unknown)
    return `must not hold unassigned or private-use characters; found ${hexOf(unknown[0].codePointAt(0)!)}`;
  // The authority as written (URL gives the host in punycode): user info, host, port.
  const authority = /^[a-z][a-z0-9+.-]*:\/*([^/?#\\]*)/iu.exec(value)?.[1] ?? '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return hostProblem(authority) ?? 'must be an http(s) URL';
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
    return 'must be an http(s) URL';
  if (url.username !== '' || url.password !== '' || authority.includes('@'))
    return 'must not hold a user name or password before the host (https://name@host/): what precedes "@" looks like the site but is not where the link leads';
  return hostProblem(authority);
}

/** Why the host of an authority (as written) is not letters, digits, hyphens and dots. */
function hostProblem(authority: string): string | undefined {
  const host = authority.replace(/^.*@/u, '').replace(/:\d*$/u, '');
  if (host === '' || host.startsWith('[')) return undefined; // none, or IPv6 (checked by URL)
  const labels = host.replace(/\.$/u, '').split('.');
  const bad = labels.find((label) => !HOST_LABEL.test(label));
  if (bad === undefined) return undefined;
  const char = [...bad].find(
    (c, i) => !(i === 0 ? /[\p{L}\p{N}]/u : /[\p{L}\p{N}\p{M}-]/u).test(c),
  );
  return `must have a host of letters, digits, hyphens and dots; found ${
    char ? hexOf(char.codePointAt(0)!) : 'an empty label'
  } in "${host}"`;
}

/** A URL field that follows urlProblem (class-validator; null and undefined pass). */
export function SafeUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'safeUrl',
      validator: {
        validate: (value: unknown) =>
          value === null ||
          value === undefined ||
          (typeof value === 'string' && urlProblem(value) === undefined),
        defaultMessage: (args) =>
          `${args?.property ?? 'url'} ${
            typeof args?.value === 'string'
              ? (urlProblem(args.value) ?? 'must be an http(s) URL')
              : 'must be text'
          }`,
      },
    },
    options,
  );
}

/** Letters and digits in any script: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** At least this many letters or digits: "a" or "ab" is verbatim almost anywhere and states nothing. */
export const QUOTE_MIN_WORD_CHARS = 3;
/**
 * At least this many words: one word or number ("the", "2019", "Sitra") is verbatim in many
 * documents and states no fact. Words as Unicode word boundaries (UAX #29, with the dictionaries
 * of scripts written without spaces) find them: "25.10.2019" and "INGRIA:n" are one word each,
 * "北京清洁技术集群" four.
 */
export const QUOTE_MIN_WORDS = 2;

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

function wordCount(text: string): number {
  let n = 0;
  for (const s of WORDS.segment(text)) if (s.isWordLike) n += 1;
  return n;
}

/**
 * Why a quote does not quote `text` (the sentence, without the field's name), or undefined when
 * it does: it holds at least QUOTE_MIN_WORD_CHARS letters or digits in at least QUOTE_MIN_WORDS
 * words, and it occurs in the text verbatim as whole words (a quote that starts or ends inside a
 * word, "itra" of "Sitra", quotes a fragment, not what the document says; in scripts written
 * without spaces the word boundaries of the dictionary count). The seeds and every GraphQL write
 * use it.
 */
export function quoteProblem(text: string, quote: string): string | undefined {
  const wordChars = [...quote].filter((c) => WORD_CHAR.test(c)).length;
  if (wordChars < QUOTE_MIN_WORD_CHARS)
    return `must quote the words of the document that state the fact (at least ${QUOTE_MIN_WORDS} words): at least ${QUOTE_MIN_WORD_CHARS} letters or digits, found ${wordChars}`;
  const words = wordCount(quote);
  if (words < QUOTE_MIN_WORDS)
    return `must quote the words of the document that state the fact, not a single word or number: at least ${QUOTE_MIN_WORDS} words, found ${words}`;
  const startsInWord = WORD_CHAR.test(quote[0]!);
  const endsInWord = WORD_CHAR.test(quote[quote.length - 1]!);
  let segments: Intl.Segments | undefined;
  const boundary = (at: number): boolean =>
    (segments ??= WORDS.segment(text)).containing(at)?.index === at;
  let found = false;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    found = true;
    const end = at + quote.length;
    const before = text[at - 1];
    const after = text[end];
    const wholeStart =
      !startsInWord || before === undefined || !WORD_CHAR.test(before) || boundary(at);
    const wholeEnd = !endsInWord || after === undefined || !WORD_CHAR.test(after) || boundary(end);
    if (wholeStart && wholeEnd) return undefined;
  }
  return found
    ? 'must quote whole words: it starts or ends inside a word of the document'
    : 'is not a verbatim substring of the document';
}

/** How two names compare: trimmed, composed and case-folded. */
export const nameKey = (name: string): string =>
  name.trim().normalize('NFC').toUpperCase().toLowerCase();

/** An alias as every write path states it: a name and an optional language ('' or null: none). */
export interface AliasLike {
  name: string;
  language?: string | null;
}

/**
 * The alias rule of every write path (the API's inputs, the seeds, the integrity checks): an
 * alias is another name, so one that repeats an earlier alias (the same name after trimming and
 * case-folding, in the same language) or the entity's name (in any language) adds nothing. The
 * first such alias, by index, with a sentence to put after its path; `at` names an earlier alias
 * (`input.aliases[0]`, `aliases[0]`).
 */
export function aliasProblem(
  aliases: readonly AliasLike[],
  name: string | null | undefined,
  at: (index: number) => string = (i) => `aliases[${i}]`,
): { index: number; message: string } | undefined {
  const seen = new Map<string, number>();
  for (const [index, a] of aliases.entries()) {
    const language = a.language || null;
    if (name && nameKey(a.name) === nameKey(name)) {
      return {
        index,
        message: `repeats the name "${name.trim()}": an alias is another name; leave it out.`,
      };
    }
    const key = `${nameKey(a.name)}\u0000${language?.toLowerCase() ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return {
        index,
        message: `repeats ${at(earlier)} ("${a.name.trim()}"${
          language ? ` in ${language}` : ', no language'
        }): give each alias once.`,
      };
    }
    seen.set(key, index);
  }
  return undefined;
}
