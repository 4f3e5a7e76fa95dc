/**
 * The one rule for free text (src/shared/text.ts), pure: invisible and format characters and
 * non-characters are refused, by class rather than by a list (issue 14), with a sentence that
 * names the character; the joiners and variation selectors that scripts and emoji need are
 * kept in prose; the messages for controls and bidirectional characters stay as they were; a
 * quote must state something (two words at least); the seeds and the generator keep the rule.
 */
import { generateGraph } from '../../src/generate/generate';
import { DEFAULT_SEED_DIR } from '../../src/seed/load';
import { planSeeds } from '../../src/seed/plan';
import { evidenceSchema } from '../../src/seed/seed.schema';
import {
  forbiddenCharacter,
  QUOTE_MIN_WORDS,
  quoteProblem,
  textProblem,
  urlProblem,
} from '../../src/shared/text';

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
const ch = (code: number): string => String.fromCodePoint(code);

/** Invisible or format characters, a few of every class: refused in names and in prose. */
const INVISIBLE = [
  0x200b, // zero width space
  0x2060, // word joiner
  0xfeff, // BOM / zero width no-break space
  0x00ad, // soft hyphen
  0x180e, // Mongolian vowel separator
  0x034f, // combining grapheme joiner
  0x3164, // Hangul filler
  0x115f, // Hangul choseong filler
  0x1160, // Hangul jungseong filler
  0xffa0, // halfwidth Hangul filler
  0x2061, // function application
  0x2062, // invisible times
  0x2063, // invisible separator
  0x2064, // invisible plus
  0xfff9, // interlinear annotation anchor
  0xfffa, // interlinear annotation separator
  0xfffb, // interlinear annotation terminator
  0xe0001, // language tag
  0xe0020, // tag space
  0xe0041, // tag latin capital A
  0xe007f, // cancel tag
  0x17b4, // Khmer vowel inherent aq
  0x17b5, // Khmer vowel inherent aa
  0x180b, // Mongolian free variation selector one
  0x1d173, // musical symbol begin beam
  0x1bca0, // shorthand format letter overlap
  0x2065, // reserved default-ignorable
  0xe0080, // reserved default-ignorable, beyond the tags
  0x0600, // Arabic number sign (format)
  0x070f, // Syriac abbreviation mark (format)
  0x13430, // Egyptian hieroglyph vertical joiner (format)
];

/** Non-characters: U+FDD0-U+FDEF and the last two code points of every plane. */
const NONCHARACTERS = [
  0xfdd0, 0xfde5, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x2ffff, 0x7fffe, 0xefffe, 0x10fffe, 0x10ffff,
];

describe('invisible and format characters', () => {
  it.each(INVISIBLE.map((c) => [hex(c), c]))(
    'refuses %s in names and in prose, naming it',
    (_name, code) => {
      for (const kind of ['line', 'prose'] as const) {
        const problem = textProblem(`Sitra${ch(code)}Oy`, kind);
        expect(problem).toMatch(/^must not hold invisible characters/);
        expect(problem).toContain(`(${hex(code)})`);
        expect(forbiddenCharacter(`x ${ch(code)}`, kind)).toMatch(
          new RegExp(`^an? [a-z -]+ \\(${hex(code).replace('+', '\\+')}\\)$`),
        );
      }
    },
  );

  it.each(NONCHARACTERS.map((c) => [hex(c), c]))(
    'refuses the non-character %s everywhere, naming it',
    (_name, code) => {
      for (const kind of ['line', 'prose'] as const) {
        expect(forbiddenCharacter(`a${ch(code)}b`, kind)).toBe(`a non-character (${hex(code)})`);
        expect(textProblem(`a${ch(code)}b`, kind)).toMatch(/^must not hold invisible characters/);
      }
    },
  );

  it('names the character in the sentence, e.g. a zero width space', () => {
    expect(textProblem('Si\u200Btra')).toBe(
      'must not hold invisible characters or non-characters; found an invisible formatting character (U+200B)',
    );
    expect(forbiddenCharacter('\u3164x')).toBe('an invisible filler (U+3164)');
    expect(forbiddenCharacter('x\u{E0041}')).toBe('an invisible tag character (U+E0041)');
    expect(forbiddenCharacter('x\uFE0F')).toBe('an invisible variation selector (U+FE0F)');
  });

  it('refuses the braille blank (a filler that is not white space) in names and in prose', () => {
    expect(textProblem('Sitra\u2800Oy', 'line')).toMatch(/U\+2800/);
    expect(textProblem('\u2800', 'line')).toBe('must hold a visible character, not only spaces');
    expect(textProblem('Kiertotalous\u2800keskus', 'prose')).toMatch(
      /invisible filler \(U\+2800\)/,
    );
    expect(textProblem('\u2800\u2800\u2800', 'prose')).toMatch(/invisible filler \(U\+2800\)/);
  });

  it('refuses zero width joiners and non-joiners, and variation selectors, in names', () => {
    for (const name of [
      'می\u200Cخواهم', // Persian with ZWNJ
      'क्\u200Dष', // Devanagari with ZWJ
      '👩\u200D👩\u200D👧',
      '❤\uFE0F',
      '葛\u{E0100}',
      'Sitra\u200COy',
    ])
      expect(textProblem(name, 'line')).toMatch(/^must not hold invisible characters/);
  });

  it('keeps in prose the joiners scripts and emoji need, and the variation selectors of emoji and ideographs', () => {
    for (const prose of [
      'Hän sanoi: می\u200Cخواهم.', // ZWNJ inside a Persian word
      'क्\u200Dष और र्\u200Dय', // ZWJ after a virama
      'ශ්\u200Dර ලංකා', // Sinhala
      'Perhe 👩\u200D👩\u200D👧\u200D👦 ja tuli ❤\uFE0F\u200D🔥',
      '👩🏽\u200D💻 🏳\uFE0F\u200D🌈',
      'Kiitos ❤\uFE0F ja 1\uFE0F\u20E3',
      '葛\u{E0100}飾区', // an ideographic variation sequence
      'tab\tand\nline',
    ])
      expect(textProblem(prose, 'prose')).toBeUndefined();
  });

  it('refuses in prose the joiners and selectors that join or select nothing', () => {
    for (const prose of [
      'Sitra\u200DOy', // Latin needs no joiner: it only splits a word for search
      'Sitra\u200COy',
      'Sitra \u200D',
      '\u200D👩',
      'می\u200C', // at the end: joins nothing
      '👩\u200Dx',
      'a\uFE0F', // no variation sequence for "a"
      '❤\uFE0F\uFE0F', // one selector at most
      'x\u{E0100}',
      '\u{E0100}',
      '葛\u{E0100}\u{E0101}',
      'a\u200B\u200C\u200D\uFEFF',
    ])
      expect(textProblem(prose, 'prose')).toMatch(/^must not hold invisible characters.*U\+/);
  });

  it('keeps the messages for controls and bidirectional characters', () => {
    expect(textProblem('a\u0007b')).toBe(
      'must not hold control or bidirectional formatting characters; found a control character (U+0007)',
    );
    expect(textProblem('rt\u200Fl', 'prose')).toMatch(
      /^must not hold control or bidirectional formatting characters \(tab and line breaks are fine\); found a bidirectional formatting character \(U\+200F\)$/,
    );
    expect(textProblem('a\u2028b')).toMatch(/control or bidirectional.*U\+2028/);
    expect(textProblem('\u200B')).toBe('must hold a visible character, not only spaces');
    expect(textProblem(' \u3164 ')).toBe('must hold a visible character, not only spaces');
  });

  it('reports the first forbidden character of the text', () => {
    expect(forbiddenCharacter('a\u200Bb\u202Ec')).toBe(
      'an invisible formatting character (U+200B)',
    );
    expect(forbiddenCharacter('a\u202Eb\u200Bc')).toBe(
      'a bidirectional formatting character (U+202E)',
    );
  });
});

describe('text that shows nothing', () => {
  it.each([
    ['line breaks and a tab', '\n\n\t'],
    ['spaces', '   '],
    ['no-break and ideographic spaces', '\u00A0\u3000'],
  ])('is refused in prose: %s', (_what, value) => {
    expect(textProblem(value, 'prose')).toBe('must hold a visible character, not only spaces');
  });

  it('keeps prose with a visible character, and empty prose', () => {
    expect(textProblem('\n\tKiertotalous\n', 'prose')).toBeUndefined();
    expect(textProblem('', 'prose')).toBeUndefined();
    expect(textProblem('…', 'prose')).toBeUndefined();
  });

  it.each([
    ['only combining marks', '\u0301\u0301', 'line'],
    ['only combining marks', '\u0301\u0301', 'prose'],
    ['only an enclosing mark', '\u20DD', 'line'],
  ])('is refused: %s (%j, %s)', (_what, value, kind) => {
    expect(textProblem(value, kind as 'line' | 'prose')).toMatch(
      /^must hold a visible character \(a letter, digit, symbol or punctuation mark\), not only combining marks/,
    );
  });

  it('refuses private-use characters in names, naming them', () => {
    expect(textProblem('\uE000\uE001', 'line')).toMatch(
      /^must not hold private-use characters.*\(U\+E000\)$/,
    );
    expect(textProblem('Sitra\u{F0000}', 'line')).toMatch(/private-use.*U\+F0000/);
    expect(textProblem('\uE000\uE001', 'prose')).toMatch(/^must hold a visible character/);
  });

  it('refuses more than 4 combining marks in a row, everywhere', () => {
    const zalgo = 'Z' + '\u0301\u0300\u0302\u0303\u0308'.repeat(10) + 'algo';
    for (const kind of ['line', 'prose'] as const) {
      expect(textProblem(zalgo, kind)).toBe(
        'must not stack more than 4 combining marks on one character; found 50 in a row (U+0301 ...)',
      );
      expect(textProblem('a\u0301\u0300\u0302\u0303\u0308', kind)).toMatch(/found 5 in a row/);
    }
  });

  it('keeps the marks scripts write: Vietnamese, Devanagari, Hebrew with points, emoji keycaps', () => {
    for (const text of [
      'Tiếng Việt',
      'Tie\u0302\u0301ng Vie\u0323\u0302t',
      'क्षत्रिय',
      'בְּרֵאשִׁית',
      'a\u0301\u0300\u0302\u0303',
    ]) {
      expect([text, textProblem(text, 'line')]).toEqual([text, undefined]);
      expect([text, textProblem(text, 'prose')]).toEqual([text, undefined]);
    }
    expect(textProblem('1\uFE0F\u20E3', 'prose')).toBeUndefined();
  });
});

describe('urls', () => {
  it.each([
    ['https://example.org/\u202Eexe.pdf', /U\+202E/],
    ['https://example.org/a\u200Bb', /U\+200B/],
    ['https://exa\u00ADmple.org/', /U\+00AD/],
    ['https://example.org/\u{E0041}', /U\+E0041/],
    ['https://example.org/\uFDD0', /U\+FDD0/],
    ['https://example.org/\u0007', /U\+0007/],
    ['https://example.org/a b', /white space/],
    ['https://example.org/a\u00A0b', /white space/],
    ['https://example.org/\u3000', /white space/],
    ['https://ex\uE000ample.org/', /private-use.*U\+E000/],
    ['https://example.org/\uE000', /private-use.*U\+E000/],
    ['https://ex\u{1D159}ample.org/', /host of letters, digits, hyphens and dots; found U\+1D159/],
    ['https://example.\u0301org/', /host of letters, digits, hyphens and dots; found U\+0301/],
    ['https://example.org/\u0378', /unassigned or private-use.*U\+0378/],
    ['https://sitra.fi@evil.example/', /user name or password/],
    ['https://user:pw@example.org/', /user name or password/],
    ['https://@example.org/', /user name or password/],
    ['javascript:alert(1)', /http\(s\) URL/],
    ['https://', /http\(s\) URL/],
    ['example.org', /http\(s\) URL/],
  ])('refuses %j', (url, message) => {
    expect(urlProblem(url)).toMatch(message);
  });

  it('accepts http(s) URLs, non-Latin paths included', () => {
    for (const url of [
      'https://www.recycling.ee/',
      'http://example.org/a?b=c#d',
      'https://ru.wikipedia.org/wiki/Санкт-Петербург',
      'https://президент.рф/',
      'https://मेरा.भारत/',
      'https://example.org:8080/a@b',
      'http://[::1]:3000/',
      'http://127.0.0.1/',
      'https://forumstrategov.ru/upload/program/Circular%20Economy%20(ENG)6.pdf',
    ])
      expect(urlProblem(url)).toBeUndefined();
  });

  it('refuses them in the seeds, too', () => {
    const parsed = evidenceSchema.safeParse({
      kind: 'EXTERNAL',
      url: 'https://example.org/\u200Bx',
    });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('U+200B');
    expect(
      evidenceSchema.safeParse({ kind: 'EXTERNAL', url: 'https://example.org/x' }).success,
    ).toBe(true);
  });
});

describe('quotes', () => {
  const DOC =
    'Sitra on edelläkävijä maailmanlaajuisesti. The meeting in 2019 was the first, held at 25.10.2019 in INGRIA:n toimisto. 北京清洁技术集群成立了。在北京市。';

  it.each([
    ['the', 1],
    ['2019', 1],
    ['Sitra', 1],
    ['edelläkävijä', 1],
    ['maailmanlaajuisesti.', 1],
    ['25.10.2019', 1],
    ['INGRIA:n', 1],
    ['北京市', 1],
  ])('refuses %j: one word or number states nothing', (quote, words) => {
    expect(DOC.includes(quote)).toBe(true);
    expect(quoteProblem(DOC, quote)).toBe(
      `must quote the words of the document that state the fact, not a single word or number: at least ${QUOTE_MIN_WORDS} words, found ${words}`,
    );
  });

  it('keeps the letters-or-digits message for what is shorter still', () => {
    expect(quoteProblem(DOC, 'a')).toMatch(/at least 3 letters or digits, found 1/);
    expect(quoteProblem(DOC, ' – ')).toMatch(/at least 3 letters or digits, found 0/);
    expect(quoteProblem(DOC, '北京')).toMatch(/at least 3 letters or digits, found 2/);
  });

  it.each([
    'Sitra on edelläkävijä',
    'in 2019',
    'at 25.10.2019',
    'in INGRIA:n toimisto.',
    '北京清洁技术集群',
    '清洁技术',
  ])('accepts %j', (quote) => {
    expect(quoteProblem(DOC, quote)).toBeUndefined();
  });

  it('accepts every quote of the seeds', () => {
    expect(() => planSeeds(DEFAULT_SEED_DIR)).not.toThrow();
  });

  it('accepts every quote the generator writes, and every text it writes', () => {
    // generateGraph checks every text it writes under the rule (it throws on the first break).
    const graph = generateGraph({ nodes: 2000, seed: 7 });
    const docs = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(graph.evidence.length).toBeGreaterThan(100);
    for (const e of graph.evidence) {
      const text = docs.get(e.documentId!)!.props.text as string;
      expect([e.id, quoteProblem(text, e.quote!)]).toEqual([e.id, undefined]);
    }
  });
});
