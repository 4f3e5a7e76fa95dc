/**
 * What free text stored in the graph may hold, decided once and used by every write path (the
 * GraphQL inputs, the seeds, the generator, API-key names). Refused everywhere: C0 control
 * characters, DEL and C1 controls (invisible, they break exports and terminals), bidirectional
 * formatting characters (embeddings, overrides, isolates and the invisible direction marks,
 * which make text display other than it reads: "Trojan Source"), line and paragraph separators,
 * the XML non-characters U+FFFE/U+FFFF and lone surrogates. Prose (descriptions, quotes,
 * translations, summaries, answers) may also hold tab, line feed and carriage return; names and
 * other one-line values may not.
 */
import { ValidateBy, type ValidationOptions } from 'class-validator';

export type TextKind = 'line' | 'prose';

const LINE_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|\p{Cs}/u;
const PROSE_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|\p{Cs}/u;

/** Nothing but white space and zero-width characters. */
const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF]*$/u;

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return `a control character (${hex})`;
  if (code >= 0xd800 && code <= 0xdfff) return `a lone surrogate (${hex})`;
  if (code === 0x2028 || code === 0x2029) return `a line or paragraph separator (${hex})`;
  if (code === 0xfffe || code === 0xffff) return `a non-character (${hex})`;
  return `a bidirectional formatting character (${hex})`;
}

/**
 * The first character the text may not hold, described ("a control character (U+0009)"), or
 * undefined when the text is acceptable.
 */
export function forbiddenCharacter(value: string, kind: TextKind = 'line'): string | undefined {
  const match = (kind === 'line' ? LINE_FORBIDDEN : PROSE_FORBIDDEN).exec(value);
  return match ? describe(match[0]) : undefined;
}

/** The sentence (without the field's name) saying why a text is refused. */
export function textProblem(value: string, kind: TextKind = 'line'): string | undefined {
  // A name of spaces (or of invisible characters) names nothing, and was stored trimmed to "".
  if (kind === 'line' && value.length > 0 && BLANK.test(value))
    return 'must hold a visible character, not only spaces';
  const found = forbiddenCharacter(value, kind);
  if (!found) return undefined;
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

/** Letters and digits in any script: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** At least this many letters or digits: "a" or "ab" is verbatim almost anywhere and states nothing. */
export const QUOTE_MIN_WORD_CHARS = 3;

/**
 * Why a quote does not quote `text` (the sentence, without the field's name), or undefined when
 * it does: it holds at least QUOTE_MIN_WORD_CHARS letters or digits, and it occurs in the text
 * verbatim as whole words (a quote that starts or ends inside a word, "itra" of "Sitra",
 * quotes a fragment, not what the document says). The seeds and every GraphQL write use it.
 */
export function quoteProblem(text: string, quote: string): string | undefined {
  const wordChars = [...quote].filter((c) => WORD_CHAR.test(c)).length;
  if (wordChars < QUOTE_MIN_WORD_CHARS)
    return `must quote the words of the document that state the fact: at least ${QUOTE_MIN_WORD_CHARS} letters or digits, found ${wordChars}`;
  const startsInWord = WORD_CHAR.test(quote[0]!);
  const endsInWord = WORD_CHAR.test(quote[quote.length - 1]!);
  let found = false;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    found = true;
    const before = text[at - 1];
    const after = text[at + quote.length];
    const wholeStart = !startsInWord || before === undefined || !WORD_CHAR.test(before);
    const wholeEnd = !endsInWord || after === undefined || !WORD_CHAR.test(after);
    if (wholeStart && wholeEnd) return undefined;
  }
  return found
    ? 'must quote whole words: it starts or ends inside a word of the document'
    : 'is not a verbatim substring of the document';
}
