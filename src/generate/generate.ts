/**
 * Deterministic synthetic graph generator behind `npm run generate`: a realistic cross-border
 * cluster-collaboration graph of any size, built from (nodes, seed) alone, in exactly the record
 * shapes the seed writer stores (NodeRecord, RelationshipRecord, InteractionRecord, evidence).
 *
 * Pure: no I/O, no clock, no Math.random. The only randomness is pure-rand's xoroshiro128+
 * seeded with `seed`, and every collection is walked in insertion order, so the same input gives
 * byte-identical output (JSON.stringify of two runs is equal).
 *
 * Shape of the graph: countries and cities with their names in several languages; organisations
 * and people tied to a country, mostly linking within it; targets chosen by preferential
 * attachment (a node is picked in proportion to the links it already has), which gives the
 * heavy-tailed degrees of real collaboration networks. Evidence is shared by batches of facts of
 * one type (a list sentence naming the first few), so a million relationships need only a few
 * tens of thousands of Evidence nodes; every quote is a verbatim part of its Document's text.
 *
 * This file holds the options, the size plan and the order of the phases; the phases live beside
 * it (places, actors, activities, evidence, interactions, over the shared state in state.ts), with
 * the vocabulary, the language and date helpers, and the seeded randomness in their own files.
 */
import type { EvidenceRecord } from '../modules/evidence/evidence.repository';
import type { InteractionRecord, NodeRecord, RelationshipRecord } from '../seed/plan';
import { ENTITY_LABELS, type EntityLabel } from '../shared/model';
import { textProblem, type TextKind } from '../shared/text';
import {
  linkAwards,
  linkEvents,
  linkProjects,
  linkPublications,
  makeAwards,
  makeEvents,
  makeProjects,
  makePublications,
} from './activities';
import { linkOrganisations, linkPeople, makeOrganisations, makePeople } from './actors';
import { entityEvidence, finishEvidence, linkDocuments, makeDocuments } from './evidence';
import { makeInteractions } from './interactions';
import { linkPlaces, makePlaces, makeTopics } from './places';
import { GeneratorState } from './state';

export { slugify, transliterate } from './language';

export interface GenerateOptions {
  /** Entities (documents included) plus interaction nodes; evidence comes on top. */
  nodes: number;
  /** 0 .. 2^31-1; the same seed gives the same graph. */
  seed: number;
}

export interface GeneratedGraph {
  seed: number;
  /** Entities (label Entity plus one of ENTITY_LABELS), documents included. */
  nodes: NodeRecord[];
  /** Entity -> entity relationships (every type of RELATIONSHIP_RULES). */
  relationships: RelationshipRecord[];
  /** Invitation, Presentation, Proposal and Question nodes with their links. */
  interactions: InteractionRecord[];
  /** STATED evidence, each quoting its Document (documentId). */
  evidence: EvidenceRecord[];
}

export const MIN_NODES = 10;
export const MAX_NODES = 2_000_000;
export const MAX_SEED = 2_147_483_647;

/** Entity counts by label, from the requested total (interactions ~5% of it). */
export function plannedCounts(
  nodes: number,
): { interactions: number } & Record<EntityLabel, number> {
  const interactions = Math.floor(nodes * 0.05);
  const entities = nodes - interactions;
  const share = (p: number, min = 0): number => Math.max(min, Math.floor(entities * p));
  // A label the generator does not make (yet) gets no entities.
  const none = Object.fromEntries(ENTITY_LABELS.map((l) => [l, 0])) as Record<EntityLabel, number>;
  const counts = {
    ...none,
    interactions,
    // Small graphs still get a few countries with cities, and a handful of topics.
    Place: Math.max(share(0.01, 2), Math.min(24, Math.floor(entities / 20))),
    Topic: Math.max(share(0.01, 1), Math.min(12, Math.floor(entities / 40))),
    Document: share(0.015, 1),
    Award: share(0.005),
    Organisation: share(0.2, 2),
    Event: share(0.15, 1),
    Project: share(0.08),
    Publication: share(0.06),
    Person: 0,
  };
  counts.Person =
    entities -
    counts.Place -
    counts.Topic -
    counts.Document -
    counts.Award -
    counts.Organisation -
    counts.Event -
    counts.Project -
    counts.Publication;
  return counts;
}

class Generator {
  private readonly state: GeneratorState;

  constructor(
    private readonly total: number,
    seed: number,
  ) {
    this.state = new GeneratorState(total, seed, plannedCounts(total).Place);
  }

  run(): GeneratedGraph {
    const state = this.state;
    const counts = plannedCounts(this.total);
    makeDocuments(state, counts.Document);
    makePlaces(state, counts.Place);
    makeTopics(state, counts.Topic);
    makeOrganisations(state, counts.Organisation);
    makePeople(state, counts.Person);
    makeProjects(state, counts.Project);
    makeEvents(state, counts.Event);
    makePublications(state, counts.Publication);
    makeAwards(state, counts.Award);
    entityEvidence(state);

    linkPlaces(state);
    linkOrganisations(state);
    linkPeople(state);
    linkProjects(state);
    linkEvents(state);
    linkPublications(state);
    linkAwards(state);
    linkDocuments(state);
    makeInteractions(state, counts.interactions);

    finishEvidence(state);
    const graph = {
      seed: state.seed,
      nodes: state.nodes,
      relationships: state.relationships,
      interactions: state.interactions,
      evidence: state.evidence,
    };
    checkText(graph);
    return graph;
  }
}

/** Properties that hold one line (names, titles, roles); other text is prose. */
const ONE_LINE = new Set([
  'name',
  'aliasNames',
  'title',
  'titleTranslation',
  'role',
  'inviteeNote',
  'programme',
]);

/**
 * The generator writes under the same text rule as every API write (src/shared/text.ts): no
 * control or bidirectional formatting characters, line breaks only in prose. Its vocabulary is
 * fixed, so a failure here is a bug in it, reported before anything is written.
 */
function checkText(graph: Omit<GeneratedGraph, 'seed'>): void {
  const check = (where: string, key: string, value: unknown): void => {
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    const kind: TextKind = ONE_LINE.has(key) ? 'line' : 'prose';
    for (const v of values) {
      const problem = typeof v === 'string' ? textProblem(v, kind) : undefined;
      if (problem) throw new Error(`generated ${where} ${key} ${problem}`);
    }
  };
  for (const n of [...graph.nodes, ...graph.interactions])
    for (const [key, value] of Object.entries(n.props)) check(n.slug, key, value);
  for (const r of graph.relationships) check(`${r.type} ${r.fromId}`, 'role', r.role);
  for (const e of graph.evidence)
    for (const key of ['quote', 'translation', 'note'] as const) check(e.id, key, e[key]);
}

/** Builds the graph for (nodes, seed): the same pair always gives the same records. */
export function generateGraph(options: GenerateOptions): GeneratedGraph {
  const { nodes, seed } = options;
  if (!Number.isInteger(nodes) || nodes < MIN_NODES || nodes > MAX_NODES)
    throw new RangeError(`nodes must be a whole number from ${MIN_NODES} to ${MAX_NODES}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED}`);
  return new Generator(nodes, seed).run();
}
