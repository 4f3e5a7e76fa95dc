/**
 * The graph model in one place: entity labels, their closed kind enums, relationship types with
 * the endpoints each allows, and the n-ary interaction nodes. Seeds, migrations and (later) the
 * API all read these lists, so a label or type name never comes from user input.
 */

/** N-ary facts are nodes of their own (label `Interaction` plus one of these). */
export const INTERACTION_LABELS = ['Invitation', 'Presentation', 'Proposal', 'Question'] as const;
export type InteractionLabel = (typeof INTERACTION_LABELS)[number];

export const ORGANISATION_KINDS = [
  'FUND',
  'RESEARCH_CENTRE',
  'INCUBATOR',
  'TECHNOPARK',
  'CLUSTER',
  'ASSOCIATION',
  'COMPETENCE_CENTRE',
  'EXPERT_GROUP',
  'COMPANY',
  'COMPANY_GROUP',
  'PUBLIC_BODY',
  'UNIVERSITY',
  'OTHER',
] as const;
export const EVENT_KINDS = [
  'MEETING',
  'FORUM',
  'CONFERENCE',
  'SESSION',
  'WORKING_GROUP',
  'AWARD_CEREMONY',
  'SERIES',
  'OTHER',
] as const;
export const PLACE_KINDS = [
  'CITY',
  'TOWN',
  'DISTRICT',
  'REGION',
  'COUNTRY',
  'SUPRANATIONAL_REGION',
] as const;
export const PROJECT_STATUSES = ['PROPOSED', 'ACTIVE', 'COMPLETED', 'UNKNOWN'] as const;
export const PUBLICATION_KINDS = [
  'REPORT',
  'CONCEPT',
  'VIDEO',
  'DOCUMENTATION',
  'PHOTO',
  'PROGRAMME',
  'OTHER',
] as const;

/**
 * The entity labels and what the model says of each: the one list of entity types. The API's
 * object types, inputs, seed shapes and generator words are bound to these labels in each
 * domain folder (modules/<domain>/<domain>.entity.ts, gathered by modules/entity/entity.registry.ts,
 * which fails to compile when a label has no declaration); migrate gives every label its
 * unique-slug constraint. `kinds`: the closed enum of the label's `kind` field, if it has one.
 */
export const ENTITY_MODEL = {
  Organisation: { kinds: ORGANISATION_KINDS },
  Person: {},
  Event: { kinds: EVENT_KINDS },
  Project: {},
  Publication: { kinds: PUBLICATION_KINDS },
  Place: { kinds: PLACE_KINDS },
  Topic: {},
  Award: {},
  Document: {},
} as const satisfies Record<string, { kinds?: readonly string[] }>;
export type EntityLabel = keyof typeof ENTITY_MODEL;
export const ENTITY_LABELS = Object.keys(ENTITY_MODEL) as readonly EntityLabel[];

/** Which `kind` enum (if any) each label carries. */
export const KINDS_BY_LABEL: Partial<Record<EntityLabel, readonly string[]>> = Object.fromEntries(
  Object.entries(ENTITY_MODEL).flatMap(([label, model]) =>
    'kinds' in model ? [[label, model.kinds]] : [],
  ),
);

export const EVIDENCE_KINDS = ['STATED', 'EXTERNAL', 'ASSERTED'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
/** STATED: the source says it in so many words; INFERRED: it follows from what the source says. */
export const CONFIDENCES = ['STATED', 'INFERRED'] as const;

type Ends = readonly EntityLabel[];
const ACTORS: Ends = ['Person', 'Organisation'];
const ALL: Ends = ENTITY_LABELS;

/**
 * Relationship types between entities and the endpoints each accepts. Every relationship carries
 * evidence (evidenceIds) and may carry role, startDate and endDate.
 */
export const RELATIONSHIP_RULES = {
  AFFILIATED_WITH: {
    from: ACTORS,
    to: ['Organisation'],
    meaning: 'a person or organisation belongs to, works for or is a member of an organisation',
  },
  PART_OF: {
    from: ['Organisation', 'Event', 'Place', 'Project'],
    to: ['Organisation', 'Event', 'Place', 'Project'],
    sameLabel: true,
    meaning:
      'a unit of an organisation, a session of an event, a place within a place, a sub-project',
  },
  ORGANISED: {
    from: ACTORS,
    to: ['Event'],
    meaning: 'organised or hosted an event (role says which)',
  },
  PARTICIPATED_IN: {
    from: ACTORS,
    to: ['Event'],
    meaning: 'took part in an event (role: participant, speaker, ...)',
  },
  HELD_IN: { from: ['Event'], to: ['Place'], meaning: 'where an event took place' },
  BASED_IN: {
    from: ['Organisation', 'Person', 'Project'],
    to: ['Place'],
    meaning: 'where an organisation, person or project is located',
  },
  WORKS_ON: {
    from: ACTORS,
    to: ['Project'],
    meaning: 'works on a project (role: lead partner, partner, funder, ...)',
  },
  PUBLISHED: {
    from: ACTORS,
    to: ['Publication', 'Document'],
    meaning: 'authored, published or photographed a publication or document',
  },
  ABOUT: {
    from: ['Event', 'Project', 'Publication', 'Organisation', 'Document', 'Award'],
    to: ['Topic', 'Event', 'Project', 'Publication', 'Place'],
    meaning: 'what an event, project, publication or organisation deals with',
  },
  COLLABORATES_WITH: {
    from: ACTORS,
    to: ACTORS,
    meaning: 'a stated collaboration (or the wish for one: role says)',
  },
  RECEIVED: {
    from: ['Person', 'Organisation', 'Project'],
    to: ['Award'],
    meaning: 'received an award',
  },
  AWARDED_AT: { from: ['Award'], to: ['Event'], meaning: 'the event where an award was given' },
  AUDIENCE_FROM: {
    from: ['Event'],
    to: ['Place'],
    meaning: 'the regions an event draws its participants from',
  },
  MENTIONS: {
    from: ['Document'],
    to: ALL,
    meaning: 'a source document mentions an entity (with the quote)',
  },
} as const satisfies Record<string, { from: Ends; to: Ends; meaning: string; sameLabel?: boolean }>;

export type RelationshipType = keyof typeof RELATIONSHIP_RULES;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_RULES) as RelationshipType[];

/**
 * Which entities may stand at each link of an interaction node: the rule the seed planner and
 * the API's record mutations both check.
 */
export const INTERACTION_PARTIES = {
  EXTENDED: ACTORS,
  INVITES: ACTORS,
  TO: ['Event', 'Project', 'Organisation'],
  ON_BEHALF_OF: ['Organisation'],
  GAVE: ACTORS,
  AT: ['Event'],
  // What a presentation, proposal or question is about, as the schema says: the seeds hold
  // organisations (a cluster presenting itself), places and events (holding WCEF in St
  // Petersburg) beside topics, projects and publications; never a person, award or document.
  ABOUT: ['Topic', 'Project', 'Publication', 'Organisation', 'Place', 'Event'],
  PUT_FORWARD: ACTORS,
  ASKED: ACTORS,
} as const satisfies Record<string, Ends>;
export type InteractionLinkType = keyof typeof INTERACTION_PARTIES;

/** Relationship types that link an interaction node to its parties. */
export const INTERACTION_LINKS = {
  Invitation: { actor: 'EXTENDED', others: ['INVITES', 'TO', 'ON_BEHALF_OF'] },
  Presentation: { actor: 'GAVE', others: ['AT', 'ABOUT', 'ON_BEHALF_OF'] },
  Proposal: { actor: 'PUT_FORWARD', others: ['AT', 'ABOUT'] },
  Question: { actor: 'ASKED', others: ['AT', 'ABOUT'] },
} as const satisfies Record<InteractionLabel, { actor: string; others: readonly string[] }>;

/** Returns a sentence when `from -type-> to` is not allowed, otherwise undefined. */
/** A type name with its indefinite article, for sentences: "an Organisation", "a Person". */
export const withArticle = (name: string): string =>
  `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;

export function checkEndpoints(
  type: RelationshipType,
  from: EntityLabel,
  to: EntityLabel,
): string | undefined {
  const rule: { from: Ends; to: Ends; sameLabel?: boolean } = RELATIONSHIP_RULES[type];
  if (!rule.from.includes(from))
    return `${type} cannot start at ${withArticle(from)} (allowed: ${rule.from.join(', ')})`;
  if (!rule.to.includes(to))
    return `${type} cannot end at ${withArticle(to)} (allowed: ${rule.to.join(', ')})`;
  if (rule.sameLabel && from !== to)
    return `${type} links two things of the same type, not ${withArticle(from)} and ${withArticle(to)}`;
  return undefined;
}

/** The sentence for a relationship from an entity to itself: refused for every type. */
export function selfLinkProblem(type: RelationshipType): string {
  return `${type} links two different entities, not an entity to itself`;
}

/**
 * Roles of one interaction that must be held by different entities, by link type, and why:
 * who invites is not invited, nobody is invited to or acts on its own behalf. (A presenter may
 * be its own subject, an organisation presenting itself; an inviter may invite to its own
 * group.) The API's record mutations, the seed planner and the integrity rules all read this.
 */
export const DISTINCT_PARTIES: readonly {
  types: readonly [InteractionLinkType, InteractionLinkType];
  why: string;
}[] = [
  { types: ['EXTENDED', 'INVITES'], why: 'the inviter is not one of the invitees' },
  {
    types: ['EXTENDED', 'ON_BEHALF_OF'],
    why: 'an inviter does not invite on its own behalf (leave onBehalfOf out)',
  },
  { types: ['INVITES', 'TO'], why: 'an invitee is not invited to itself' },
  { types: ['INVITES', 'ON_BEHALF_OF'], why: 'an invitee is not invited on its own behalf' },
  {
    types: ['GAVE', 'ON_BEHALF_OF'],
    why: 'a presenter does not present on its own behalf (leave onBehalfOf out)',
  },
];

/** One party of an interaction being recorded, and where it was given ("input.invitees[1]"). */
export interface PartyRef {
  type: InteractionLinkType;
  entityId: string;
  argument: string;
}

/**
 * The first party (in the order given) that names the same entity as an earlier one where they
 * must differ: the same role twice, or two roles of DISTINCT_PARTIES. Undefined when none does.
 */
export function partyClash(
  parties: readonly PartyRef[],
): { argument: string; message: string } | undefined {
  for (const [i, later] of parties.entries()) {
    for (const earlier of parties.slice(0, i)) {
      if (earlier.entityId !== later.entityId) continue;
      if (earlier.type === later.type)
        return {
          argument: later.argument,
          message: `${later.argument} names the same entity as ${earlier.argument}; name each party once`,
        };
      const rule = DISTINCT_PARTIES.find(
        (d) =>
          (d.types[0] === earlier.type && d.types[1] === later.type) ||
          (d.types[1] === earlier.type && d.types[0] === later.type),
      );
      if (rule)
        return {
          argument: later.argument,
          message: `${later.argument} names the same entity as ${earlier.argument}; ${rule.why}`,
        };
    }
  }
  return undefined;
}
