/**
 * The quote a found mention is stated by: the sentence around it, verbatim, cut to whole words
 * around the mention when the sentence is long. Pure.
 */
import { quoteProblem } from '../../shared/text';

/** A quote longer than this is cut to the words around the mention. */
const MAX_QUOTE = 300;
/** How far a cut quote reaches on each side of the mention. */
const REACH = 120;

const SENTENCES = new Intl.Segmenter('und', { granularity: 'sentence' });

/** Moves [from, to) inward to whole words (never past the mention) and off white space. */
function wholeWords(text: string, from: number, to: number, start: number, end: number) {
  let s = from;
  let e = to;
  if (s > 0 && /\S/.test(text[s - 1]!)) {
    const space = text.slice(s, start).search(/\s/);
    s = space === -1 ? start : s + space;
  }
  if (e < text.length && /\S/.test(text[e]!)) {
    const space = text.slice(end, e).search(/\s\S*$/);
    e = space === -1 ? end : end + space;
  }
  while (s < start && /\s/.test(text[s]!)) s += 1;
  while (e > end && /\s/.test(text[e - 1]!)) e -= 1;
  return [s, e] as const;
}

export function sentenceAround(text: string, start: number, end: number): string {
  const sentence = SENTENCES.segment(text).containing(start)!;
  let from = sentence.index;
  let to = Math.max(end, from + sentence.segment.length);
  if (to - from > MAX_QUOTE) {
    from = Math.max(from, start - REACH);
    to = Math.min(to, end + REACH);
  }
  [from, to] = wholeWords(text, from, to, start, end);
  let quote = text.slice(from, to);
  // A sentence of one word (a heading): the words around it instead.
  if (quoteProblem(text, quote)) {
    const [s, e] = wholeWords(
      text,
      Math.max(0, start - REACH),
      Math.min(text.length, end + REACH),
      start,
      end,
    );
    quote = text.slice(s, e);
  }
  return quote;
}
