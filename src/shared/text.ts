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
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\p{Cs}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]/gu;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
const FORMAT = /\p{Cf}/u;

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
  // A name of spaces (or of invisible characters) names nothing, and was stored trimmed to "".
  if (kind === 'line' && value.length > 0 && BLANK.test(value))
    return 'must hold a visible character, not only spaces';
  const char = firstForbidden(value, kind);
  if (char === undefined) return undefined;
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

/**
 * Why a URL is not one the graph stores (the sentence, without the field's name), or undefined:
 * the text rule for one-line values (no control, bidirectional or invisible characters), no
 * white space, and an absolute http(s) URL with a host. Non-Latin letters in the path or host
 * are fine (an IRI as a browser shows it).
 */
export function urlProblem(value: string): string | undefined {
  const text = textProblem(value, 'line');
  if (text) return text;
  if (/\s/u.test(value)) return 'must be an http(s) URL, without white space';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http(s) URL';
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
    return 'must be an http(s) URL';
  return undefined;
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
