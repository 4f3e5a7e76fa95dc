/**
 * An NDJSON body as lines, read as it arrives: bytes are pulled only when the consumer asks for
 * the next line (backpressure), a line longer than the limit is skipped to its end and told as
 * oversize (never held whole), and a body over its limit stops the reading. Hand-written rather
 * than split2 (a transitive dependency only, and without a way to skip an oversize line): a byte
 * scan for "\n", decoding each whole line as UTF-8 so characters split across chunks survive.
 */

export type Line =
  | { number: number; text: string }
  /** A line longer than the limit: its length in bytes, its text dropped. */
  | { number: number; oversize: number };

/** The body went past its limit; lines before were read. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`The body is larger than ${limit} bytes; split the file.`);
  }
}

const NEWLINE = 0x0a;

export async function* ndjsonLines(
  body: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
  maxBodyBytes: number,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0;
  let oversize = false;
  let number = 0;
  let total = 0;
  const finish = (): Line | undefined => {
    number += 1;
    if (oversize) return { number, oversize: length };
    let text = Buffer.concat(parts, length).toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    // A byte order mark opening the file (Windows tools and spreadsheets write one) is no data.
    if (number === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    // Blank lines (a trailing newline, spacing) are counted, not reported.
    return text.trim() === '' ? undefined : { number, text };
  };
  for await (const raw of body) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    total += chunk.length;
    if (total > maxBodyBytes) throw new BodyTooLargeError(maxBodyBytes);
    let start = 0;
    while (start < chunk.length) {
      const end = chunk.indexOf(NEWLINE, start);
      const stop = end === -1 ? chunk.length : end;
      const piece = stop - start;
      if (!oversize && length + piece > maxLineBytes) {
        oversize = true;
        parts = [];
      }
      if (!oversize) parts.push(chunk.subarray(start, stop));
      length += piece;
      if (end === -1) break;
      const line = finish();
      if (line) yield line;
      parts = [];
      length = 0;
      oversize = false;
      start = end + 1;
    }
  }
  if (length > 0 || oversize) {
    const line = finish();
    if (line) yield line;
  }
}
