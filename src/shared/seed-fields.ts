/**
 * The field schemas (zod) of the seed files: slugs, names, prose, dates, URLs, evidence and the
 * fields every entity has. The seed loader (src/seed/seed.schema.ts) and each entity type's
 * seed shape (modules/<domain>/<domain>.entity.ts) build on them.
 */
import { z } from 'zod';
import { CONFIDENCES } from './model';
import { textProblem, urlProblem, type TextKind } from './text';

export const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a slug: lower-case letters, digits and single dashes',
  );
export const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** Free text under the API's one rule (src/shared/text.ts): a name or other line, or prose. */
const safe = (kind: TextKind) =>
  nonEmpty.superRefine((value, ctx) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export const line = safe('line');
export const prose = safe('prose');
export const language = z
  .string()
  .regex(
    /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
    'must be a BCP 47 language tag such as fi, et, ru, en',
  );
/** An http(s) URL under the API's rule (urlProblem): no white space, control or invisible characters. */
export const url = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export const country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FI');
export const year = z.number().int().min(1800).max(2100);

/** A calendar date YYYY-MM-DD that exists (2019-02-30 does not). */
export const isoDate = z.string().refine((value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}, 'must be a real calendar date YYYY-MM-DD');

/** A local date-time with its UTC offset and IANA zone, e.g. 2019-10-29T11:30:00+03:00[Europe/Moscow]. */
export const zonedDateTime = z.string().refine((value) => {
  const match =
    /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?([+-](?:[01]\d|2[0-3]):[0-5]\d)\[([A-Za-z_]+(?:\/[A-Za-z_+-]+)+)\]$/.exec(
      value,
    );
  if (!match || !isoDate.safeParse(match[1]).success) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: match[6] });
    return true;
  } catch {
    return false;
  }
}, 'must be a date-time with offset and zone, e.g. 2019-10-29T11:30:00+03:00[Europe/Moscow]');

export const aliasSchema = z.strictObject({ name: line, language: language.optional() });

export const evidenceSchema = z
  .strictObject({
    kind: z.enum(['STATED', 'EXTERNAL']).optional(),
    quote: prose.optional(),
    translation: prose.optional(),
    url: url.optional(),
    note: prose.optional(),
    confidence: z.enum(CONFIDENCES).optional(),
  })
  .refine((e) => e.kind !== 'EXTERNAL' || e.url !== undefined, {
    message: 'EXTERNAL evidence needs the url of its public page',
    path: ['url'],
  })
  .refine((e) => e.kind === 'EXTERNAL' || e.quote !== undefined, {
    message: 'STATED evidence needs the quote',
    path: ['quote'],
  });
export type EvidenceInput = z.infer<typeof evidenceSchema>;

export const evidenceList = z
  .array(evidenceSchema)
  .min(1, 'every fact needs at least one piece of evidence');

export const entityBase = {
  slug,
  name: line,
  description: prose.optional(),
  aliases: z.array(aliasSchema).default([]),
  evidence: evidenceList,
};
