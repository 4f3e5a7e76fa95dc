/**
 * The graph's integrity rules, in one place. Each rule is a sentence and a Cypher check that
 * returns one row per violation (`subject`: the id of the node at fault, `problem`: a sentence).
 * `$ids` limits a check to the given subjects (the ones a write touched); null checks the whole
 * graph. Write paths keep the rules (see integrity.ts); tests run every check over the whole
 * test graph after each write test (tests/support/integrity.ts).
 */
import {
  DISTINCT_PARTIES,
  ENTITY_LABELS,
  INTERACTION_LABELS,
  INTERACTION_LINKS,
  INTERACTION_PARTIES,
  RELATIONSHIP_RULES,
  type InteractionLabel,
  type InteractionLinkType,
} from '../../shared/model';

/** One kind of party of an interaction, as its GraphQL field names it, and how many it needs. */
export interface PartyRule {
  field: string;
  type: InteractionLinkType;
  /** true: interaction -> entity; false: entity -> interaction (the actors). */
  outgoing: boolean;
  min: number;
  /** At most this many (the field answers one); undefined: any number. */
  max?: number;
}

/**
 * The parties each interaction needs (min) and may have (max). The read side skips a record
 * that breaks these (a non-null field could not be answered); the write side refuses to leave
 * an interaction breaking them.
 */
export const INTERACTION_PARTY_RULES: Record<InteractionLabel, readonly PartyRule[]> = {
  Invitation: [
    { field: 'inviter', type: 'EXTENDED', outgoing: false, min: 1, max: 1 },
    { field: 'invitees', type: 'INVITES', outgoing: true, min: 1 },
    { field: 'target', type: 'TO', outgoing: true, min: 1, max: 1 },
    { field: 'onBehalfOf', type: 'ON_BEHALF_OF', outgoing: true, min: 0, max: 1 },
  ],
  Presentation: [
    { field: 'presenters', type: 'GAVE', outgoing: false, min: 1 },
    { field: 'event', type: 'AT', outgoing: true, min: 0, max: 1 },
    { field: 'onBehalfOf', type: 'ON_BEHALF_OF', outgoing: true, min: 0, max: 1 },
  ],
  Proposal: [
    { field: 'proposers', type: 'PUT_FORWARD', outgoing: false, min: 1 },
    { field: 'event', type: 'AT', outgoing: true, min: 0, max: 1 },
  ],
  Question: [
    { field: 'askers', type: 'ASKED', outgoing: false, min: 1 },
    { field: 'event', type: 'AT', outgoing: true, min: 0, max: 1 },
  ],
};

/** A party's links of an interaction `i` as a Cypher pattern. */
const partyPattern = (i: string, p: PartyRule): string =>
  p.outgoing ? `(${i})-[:${p.type}]->(:Entity)` : `(${i})<-[:${p.type}]-(:Entity)`;

/**
 * A Cypher predicate true when the interaction `i` (of this label) has the parties it needs:
 * for reads that must leave out damaged records (the variable name comes from our code).
 */
export function hasItsParties(label: InteractionLabel, i: string): string {
  return INTERACTION_PARTY_RULES[label]
    .filter((p) => p.min > 0 || p.max !== undefined)
    .map((p) => {
      const n = `COUNT { ${partyPattern(i, p)} }`;
      return [p.min > 0 ? `${n} >= ${p.min}` : '', p.max !== undefined ? `${n} <= ${p.max}` : '']
        .filter(Boolean)
        .join(' AND ');
    })
    .join(' AND ');
}

export type RuleSubject = 'Interaction' | 'Entity' | 'Relationship' | 'Evidence';

export interface IntegrityRule {
  id: string;
  /** What must hold, in one sentence (README and violation reports). */
  rule: string;
  /** What `$ids` names: the check looks only at these subjects when ids are given. */
  subject: RuleSubject;
  /**
   * Rows {subject, kind, problem}, one per violation: the subject's id and label. Every check
   * gets $ids, $interactionLabels and $entityLabels besides its own params.
   */
  check: string;
  params?: Record<string, unknown>;
}

export interface Violation {
  rule: string;
  /** The id of the node at fault (for a relationship: its start). */
  subject: string;
  /** Its label: Invitation, Person, Evidence ... */
  kind: string;
  problem: string;
}

/** Parameters every check receives. */
export const COMMON_PARAMS = {
  interactionLabels: [...INTERACTION_LABELS],
  entityLabels: [...ENTITY_LABELS],
};

const SCOPE = (v: string): string => `($ids IS NULL OR ${v}.id IN $ids)`;

/**
 * Nodes `n` found by `match` that name no evidence, or evidence that does not exist. Built only
 * from the fixed fragments of this file; `labels` names the parameter listing the kinds.
 */
const nodeEvidenceCheck = (match: string, noun: string, labels: string): string => /* cypher */ `
${match}
WITH n, coalesce(n.evidenceIds, []) AS ids
WITH n, ids, [id IN ids WHERE NOT EXISTS { MATCH (:Evidence {id: id}) }] AS missing
WHERE size(ids) = 0 OR size(missing) > 0
RETURN n.id AS subject, [l IN labels(n) WHERE l IN $${labels}][0] AS kind, '${noun} has ' + size(ids) + ' evidence, ' + size(missing) + ' of them missing' AS problem`;

/** One rule per interaction label and party: how many of them it has. */
const partyCountRules: IntegrityRule[] = INTERACTION_LABELS.flatMap((label) =>
  INTERACTION_PARTY_RULES[label]
    .filter((p) => p.min > 0 || p.max !== undefined)
    .map((p): IntegrityRule => {
      const pattern = partyPattern('i', p);
      const bounds = [p.min > 0 ? `n < ${p.min}` : '', p.max !== undefined ? `n > ${p.max}` : '']
        .filter(Boolean)
        .join(' OR ');
      const wanted =
        p.max === undefined
          ? `at least ${p.min}`
          : p.min === p.max
            ? `exactly ${p.min}`
            : `at most ${p.max}`;
      return {
        id: `${label.toLowerCase()}-${p.field}`,
        rule: `Every ${label.toLowerCase()} has ${wanted} ${p.field} (${p.type}).`,
        subject: 'Interaction',
        check: /* cypher */ `
MATCH (i:Interaction:${label}) WHERE ${SCOPE('i')}
WITH i, COUNT { ${pattern} } AS n
WHERE ${bounds}
RETURN i.id AS subject, '${label}' AS kind, '${label} has ' + n + ' ${p.field} (${wanted} required)' AS problem`,
      };
    }),
);

/** Which link types each label may have, and their direction: from INTERACTION_LINKS. */
const LINKS_OF_LABEL = Object.fromEntries(
  INTERACTION_LABELS.map((label) => [
    label,
    [INTERACTION_LINKS[label].actor, ...INTERACTION_LINKS[label].others],
  ]),
);
const ACTOR_LINKS = INTERACTION_LABELS.map((label) => INTERACTION_LINKS[label].actor);

export const INTEGRITY_RULES: readonly IntegrityRule[] = [
  ...partyCountRules,
  {
    id: 'interaction-party-kinds',
    rule: 'Every link of an interaction is one its kind has, in its direction, to an entity of a kind that link allows.',
    subject: 'Interaction',
    check: /* cypher */ `
MATCH (i:Interaction)-[r]-(e) WHERE ${SCOPE('i')} AND type(r) <> 'MENTIONS'
WITH i, r, e, [l IN labels(i) WHERE l IN $interactionLabels][0] AS label,
     [l IN labels(e) WHERE l IN $entityLabels][0] AS party
WHERE NOT e:Entity OR label IS NULL OR NOT type(r) IN $linksOf[label]
   OR NOT party IN $partiesOf[type(r)] OR (startNode(r) = e) <> (type(r) IN $actorLinks)
RETURN i.id AS subject, coalesce(label, 'Interaction') AS kind, coalesce(label, 'Interaction') + ' has a ' + type(r) + ' link to a ' + coalesce(party, 'non-entity') AS problem`,
    params: {
      linksOf: LINKS_OF_LABEL,
      partiesOf: INTERACTION_PARTIES,
      actorLinks: ACTOR_LINKS,
    },
  },
  {
    id: 'interaction-distinct-parties',
    rule: 'No entity holds two roles of one interaction that must differ: an inviter is not an invitee, an invitee is not invited to itself, nobody acts on its own behalf.',
    subject: 'Interaction',
    check: /* cypher */ `
MATCH (i:Interaction)-[r1]-(e:Entity)-[r2]-(i) WHERE ${SCOPE('i')} AND [type(r1), type(r2)] IN $pairs
WITH i, e, r1, r2, [l IN labels(i) WHERE l IN $interactionLabels][0] AS label
RETURN i.id AS subject, coalesce(label, 'Interaction') AS kind, coalesce(label, 'Interaction') + ' has ' + e.id + ' as both ' + type(r1) + ' and ' + type(r2) AS problem`,
    params: { pairs: DISTINCT_PARTIES.map((d) => [...d.types]) },
  },
  {
    id: 'entity-required-fields',
    rule: 'Every entity has an id, a slug and a name, and a kind (a project: a status) where its type has one.',
    subject: 'Entity',
    check: /* cypher */ `
MATCH (n:Entity) WHERE ${SCOPE('n')}
WITH n, [l IN labels(n) WHERE l IN $entityLabels][0] AS label
WITH n, label, [f IN ['id', 'slug', 'name'] + coalesce($requiredOf[label], []) WHERE n[f] IS NULL] AS missing
WHERE size(missing) > 0
RETURN n.id AS subject, label AS kind, label + ' ' + coalesce(n.slug, '?') + ' lacks ' + reduce(s = '', f IN missing | s + f + ' ') AS problem`,
    params: {
      requiredOf: {
        Organisation: ['kind'],
        Event: ['kind'],
        Place: ['kind'],
        Publication: ['kind'],
        Project: ['status'],
      },
    },
  },
  {
    id: 'entity-aliases',
    rule: 'An alias is another name: no entity has an alias equal to its name, nor the same alias twice in one language (names compared trimmed and case-folded).',
    subject: 'Entity',
    check: /* cypher */ `
MATCH (n:Entity) WHERE ${SCOPE('n')} AND size(coalesce(n.aliasNames, [])) > 0
WITH n, [l IN labels(n) WHERE l IN $entityLabels][0] AS label, toLower(toUpper(trim(n.name))) AS name,
     [i IN range(0, size(n.aliasNames) - 1) | {name: n.aliasNames[i], key: toLower(toUpper(trim(n.aliasNames[i]))), language: toLower(coalesce(n.aliasLanguages[i], ''))}] AS aliases
WITH n, label, [a IN aliases WHERE a.key = name | a.name] AS asName,
     [i IN range(0, size(aliases) - 1) WHERE any(j IN range(0, i - 1) WHERE aliases[j].key = aliases[i].key AND aliases[j].language = aliases[i].language) | aliases[i].name] AS repeated
WHERE size(asName) > 0 OR size(repeated) > 0
RETURN n.id AS subject, label AS kind, label + ' ' + coalesce(n.slug, '?') + CASE WHEN size(asName) > 0
  THEN ' has its name as the alias "' + asName[0] + '"' ELSE ' has the alias "' + repeated[0] + '" twice in one language' END AS problem`,
  },
  {
    id: 'interaction-evidence',
    rule: 'Every interaction has at least one evidence, and every evidence it names exists.',
    subject: 'Interaction',
    check: nodeEvidenceCheck(
      `MATCH (n:Interaction) WHERE ${SCOPE('n')}`,
      'interaction',
      'interactionLabels',
    ),
  },
  {
    id: 'entity-evidence',
    rule: 'Every entity but a document has at least one evidence, and every evidence it names exists.',
    subject: 'Entity',
    check: nodeEvidenceCheck(
      `MATCH (n:Entity) WHERE NOT n:Document AND ${SCOPE('n')}`,
      'entity',
      'entityLabels',
    ),
  },
  {
    id: 'relationship-evidence',
    rule: 'Every relationship between two entities (mentions included) has at least one evidence, and every evidence it names exists.',
    subject: 'Relationship',
    check: /* cypher */ `
MATCH (a:Entity)-[r]->(b:Entity) WHERE ${SCOPE('a')} OR ${SCOPE('b')}
WITH a, r, b, coalesce(r.evidenceIds, []) AS ids
WITH a, r, b, ids, [id IN ids WHERE NOT EXISTS { MATCH (:Evidence {id: id}) }] AS missing
WHERE size(ids) = 0 OR size(missing) > 0
RETURN a.id AS subject, [l IN labels(a) WHERE l IN $entityLabels][0] AS kind, type(r) + ' to ' + b.id + ' has ' + size(ids) + ' evidence, ' + size(missing) + ' of them missing' AS problem`,
  },
  {
    id: 'relationship-endpoints',
    rule: 'Every relationship between two entities is of a known type, between kinds of entity that type allows.',
    subject: 'Relationship',
    check: /* cypher */ `
MATCH (a:Entity)-[r]->(b:Entity) WHERE ${SCOPE('a')} OR ${SCOPE('b')}
WITH a, r, b, [l IN labels(a) WHERE l IN $entityLabels][0] AS from,
     [l IN labels(b) WHERE l IN $entityLabels][0] AS to, $rules[type(r)] AS rule
WHERE rule IS NULL OR NOT from IN rule.from OR NOT to IN rule.to OR (rule.sameLabel AND from <> to)
RETURN a.id AS subject, from AS kind, type(r) + ' from a ' + from + ' to a ' + to + ' is not allowed' AS problem`,
    params: {
      rules: Object.fromEntries(
        Object.entries(RELATIONSHIP_RULES).map(([type, rule]) => [
          type,
          { from: rule.from, to: rule.to, sameLabel: 'sameLabel' in rule ? rule.sameLabel : false },
        ]),
      ),
    },
  },
  {
    id: 'relationship-to-itself',
    rule: 'No relationship links an entity to itself.',
    subject: 'Relationship',
    check: /* cypher */ `
MATCH (a:Entity)-[r]->(a) WHERE ${SCOPE('a')}
RETURN a.id AS subject, [l IN labels(a) WHERE l IN $entityLabels][0] AS kind, type(r) + ' from the entity to itself' AS problem`,
  },
  {
    id: 'stated-evidence-quote',
    rule: 'Every STATED evidence quotes its document: a non-blank quote, verbatim in the text of the document it names.',
    subject: 'Evidence',
    check: /* cypher */ `
MATCH (e:Evidence {kind: 'STATED'}) WHERE ${SCOPE('e')}
OPTIONAL MATCH (d:Document {id: e.documentId})
WITH e, d
WHERE e.quote IS NULL OR trim(e.quote) = '' OR d IS NULL OR NOT d.text CONTAINS e.quote
  OR NOT EXISTS { (e)-[:SOURCE]->(d) }
RETURN e.id AS subject, 'Evidence' AS kind, CASE
  WHEN e.quote IS NULL OR trim(e.quote) = '' THEN 'STATED evidence without a quote'
  WHEN d IS NULL THEN 'STATED evidence whose document does not exist'
  WHEN NOT d.text CONTAINS e.quote THEN 'STATED evidence whose quote is not in its document'
  ELSE 'STATED evidence not linked to its document' END AS problem`,
  },
];
