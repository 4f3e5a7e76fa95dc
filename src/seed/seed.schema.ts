/**
 * The shape of the seed files (seeds/graph/*.yaml), validated with zod before anything is
 * written. Cross-file rules (references, verbatim quotes, endpoint types) live in plan.ts.
 */
import { z } from 'zod';
import {
  CONFIDENCES,
  EVENT_KINDS,
  ORGANISATION_KINDS,
  PLACE_KINDS,
  PROJECT_STATUSES,
  PUBLICATION_KINDS,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../shared/model';
import { aliasProblem, textProblem, urlProblem, type TextKind } from '../shared/text';

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a slug: lower-case letters, digits and single dashes',
  );
const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** Free text under the API's one rule (src/shared/text.ts): a name or other line, or prose. */
const safe = (kind: TextKind) =>
  nonEmpty.superRefine((value, ctx) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const line = safe('line');
const prose = safe('prose');
const language = z
  .string()
  .regex(
    /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
    'must be a BCP 47 language tag such as fi, et, ru, en',
  );
/** An http(s) URL under the API's rule (urlProblem): no white space, control or invisible characters. */
const url = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FI');
const year = z.number().int().min(1800).max(2100);

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

const evidenceList = z
  .array(evidenceSchema)
  .min(1, 'every fact needs at least one piece of evidence');

const entityBase = {
  slug,
  name: line,
  description: prose.optional(),
  aliases: z.array(aliasSchema).default([]),
  evidence: evidenceList,
};

export const entitySchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      ...entityBase,
      type: z.literal('Organisation'),
      kind: z.enum(ORGANISATION_KINDS),
      country: country.optional(),
      foundedYear: year.optional(),
      website: url.optional(),
    }),
    z.strictObject({ ...entityBase, type: z.literal('Person') }),
    z
      .strictObject({
        ...entityBase,
        type: z.literal('Event'),
        kind: z.enum(EVENT_KINDS),
        startDate: isoDate.optional(),
        endDate: isoDate.optional(),
        startsAt: zonedDateTime.optional(),
        endsAt: zonedDateTime.optional(),
        participantsAtLeast: z.number().int().positive().optional(),
        edition: z.number().int().positive().optional(),
        website: url.optional(),
      })
      .refine((e) => !e.startDate || !e.endDate || e.startDate <= e.endDate, {
        message: 'endDate is before startDate',
        path: ['endDate'],
      })
      .refine((e) => !e.startsAt || !e.endsAt || e.startsAt.slice(0, 25) <= e.endsAt.slice(0, 25), {
        message: 'endsAt is before startsAt',
        path: ['endsAt'],
      })
      // A date-time is on the day it is written with (its own zone), as the API reads it.
      .superRefine((e, ctx) => {
        for (const [at, day] of [
          ['startsAt', 'startDate'],
          ['endsAt', 'endDate'],
        ] as const) {
          const local = e[at]?.slice(0, 10);
          if (local !== undefined && e[day] !== undefined && local !== e[day]) {
            ctx.addIssue({
              code: 'custom',
              message: `${at} falls on ${local}, not on ${day} ${e[day]}`,
              path: [at],
            });
          }
        }
      }),
    z
      .strictObject({
        ...entityBase,
        type: z.literal('Project'),
        status: z.enum(PROJECT_STATUSES).default('UNKNOWN'),
        startYear: year.optional(),
        endYear: year.optional(),
        programme: line.optional(),
        website: url.optional(),
      })
      .refine((p) => !p.startYear || !p.endYear || p.startYear <= p.endYear, {
        message: 'endYear is before startYear',
        path: ['endYear'],
      }),
    z.strictObject({
      ...entityBase,
      type: z.literal('Publication'),
      kind: z.enum(PUBLICATION_KINDS),
      date: isoDate.optional(),
      url: url.optional(),
    }),
    z.strictObject({
      ...entityBase,
      type: z.literal('Place'),
      kind: z.enum(PLACE_KINDS),
      country: country.optional(),
    }),
    z.strictObject({ ...entityBase, type: z.literal('Topic') }),
    z.strictObject({ ...entityBase, type: z.literal('Award'), year: year.optional() }),
  ])
  // The API's alias rule: an alias is another name, given once per language.
  .superRefine((e, ctx) => {
    const problem = aliasProblem(e.aliases, e.name);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem.message, path: ['aliases', problem.index] });
    }
  });
export type EntityInput = z.infer<typeof entitySchema>;

export const documentSchema = z.strictObject({
  slug,
  file: z
    .string()
    .regex(
      /^documents\/[\w.-]+\.txt$/,
      'must be a file under documents/, e.g. documents/000_x.txt',
    ),
  title: line,
  titleTranslation: line.optional(),
  language,
  date: isoDate,
  url: url.optional(),
  publisher: slug.optional(),
  publisherEvidence: z.array(evidenceSchema).optional(),
  translation: prose,
  description: prose.optional(),
});
export type DocumentInput = z.infer<typeof documentSchema>;

const period = { startDate: isoDate.optional(), endDate: isoDate.optional() };

export const relationshipSchema = z.strictObject({
  type: z.enum(
    RELATIONSHIP_TYPES.filter((t) => t !== 'MENTIONS') as [RelationshipType, ...RelationshipType[]],
  ),
  from: slug,
  to: slug,
  role: line.optional(),
  ...period,
  evidence: evidenceList,
});
export type RelationshipInput = z.infer<typeof relationshipSchema>;

export const mentionSchema = z.strictObject({
  entity: slug,
  quote: prose,
  translation: prose.optional(),
});

const interactionBase = {
  slug,
  summary: prose,
  date: isoDate.optional(),
  event: slug.optional(),
  subjects: z.array(slug).default([]),
  evidence: evidenceList,
};

export const invitationSchema = z.strictObject({
  slug,
  summary: prose,
  date: isoDate.optional(),
  inviter: slug,
  onBehalfOf: slug.optional(),
  invitees: z.array(slug).min(1, 'an invitation invites someone'),
  inviteeNote: line.optional(),
  target: slug,
  evidence: evidenceList,
});
export const presentationSchema = z.strictObject({
  ...interactionBase,
  presenters: z.array(slug).min(1, 'a presentation has a presenter'),
  onBehalfOf: slug.optional(),
});
export const proposalSchema = z.strictObject({
  ...interactionBase,
  proposers: z.array(slug).min(1, 'a proposal has a proposer'),
});
export const questionSchema = z.strictObject({
  ...interactionBase,
  askers: z.array(slug).min(1, 'a question has someone who asked it'),
  answer: prose.optional(),
});

export const seedFileSchema = z.strictObject({
  document: documentSchema.optional(),
  entities: z.array(entitySchema).default([]),
  mentions: z.array(mentionSchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
  invitations: z.array(invitationSchema).default([]),
  presentations: z.array(presentationSchema).default([]),
  proposals: z.array(proposalSchema).default([]),
  questions: z.array(questionSchema).default([]),
});
export type SeedFile = z.infer<typeof seedFileSchema>;
