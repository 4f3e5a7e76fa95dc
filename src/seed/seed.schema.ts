/**
 * The shape of the seed files (seeds/graph/*.yaml), validated with zod before anything is
 * written. Cross-file rules (references, verbatim quotes, endpoint types) live in plan.ts.
 */
import { z } from 'zod';
import { ENTITY_TYPES } from '../modules/entity/entity.registry';
import { RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from '../shared/model';
import {
  evidenceList,
  evidenceSchema,
  isoDate,
  language,
  line,
  prose,
  slug,
  url,
} from '../shared/seed-fields';
import { aliasProblem } from '../shared/text';

export {
  aliasSchema,
  evidenceSchema,
  isoDate,
  zonedDateTime,
  type EvidenceInput,
} from '../shared/seed-fields';

/** One entity of a seed file: the shape its type declares (modules/<domain>/<domain>.entity.ts). */
type SeedShape = NonNullable<(typeof ENTITY_TYPES)[EntityLabel]['seed']>;
const seedShapes = Object.values(ENTITY_TYPES).flatMap((d): SeedShape[] =>
  d.seed ? [d.seed] : [],
) as [SeedShape, ...SeedShape[]];

export const entitySchema = z
  .discriminatedUnion('type', seedShapes)
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
