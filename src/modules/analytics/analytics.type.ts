/** GraphQL shapes of the analytics: paths, subgraphs, rankings, communities, brokers, timelines. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';
import { EntityInterface, NodeInterface } from '../entity/entity.type';
import { RELATIONSHIP_RULES, type RelationshipType } from '../../shared/model';
import { LINK_TYPES, type LinkType as LinkTypeName } from './analytics.model';

export const LinkType = Object.fromEntries(LINK_TYPES.map((t) => [t, t])) as {
  [K in LinkTypeName]: K;
};

/** What each link of an interaction node means (the entity relationships say it in the model). */
const INTERACTION_LINK_MEANINGS: Partial<Record<LinkTypeName, string>> = {
  EXTENDED: 'a person or organisation extended an invitation (inviter -> Invitation)',
  INVITES: 'an invitation invites a person or organisation (Invitation -> invitee)',
  TO: 'what an invitation is to: an event, project or group (Invitation -> target)',
  ON_BEHALF_OF:
    'the organisation an inviter or presenter acted for (Invitation or Presentation -> Organisation)',
  GAVE: 'a person or organisation gave a presentation (presenter -> Presentation)',
  AT: 'the event a presentation, proposal or question happened at (interaction -> Event)',
  PUT_FORWARD: 'a person or organisation put an idea forward (proposer -> Proposal)',
  ASKED: 'a person or organisation asked a question (asker -> Question)',
};
const linkMeaning = (t: LinkTypeName): string =>
  INTERACTION_LINK_MEANINGS[t] ??
  `${RELATIONSHIP_RULES[t as Exclude<RelationshipType, 'MENTIONS'>].meaning}.`;

registerEnumType(LinkType, {
  name: 'LinkType',
  description:
    'Relationship types the analytics walk and answer with: entity relationships and the links of interaction nodes (MENTIONS, being provenance, is not one).',
  valuesConfig: Object.fromEntries(
    LINK_TYPES.map((t) => {
      const meaning = linkMeaning(t);
      return [t, { description: meaning.charAt(0).toUpperCase() + meaning.slice(1) }];
    }),
  ),
});

export enum CentralityMeasure {
  DEGREE = 'DEGREE',
  BETWEENNESS = 'BETWEENNESS',
  PAGERANK = 'PAGERANK',
}
registerEnumType(CentralityMeasure, {
  name: 'CentralityMeasure',
  description:
    'How centrality scores a node, on the undirected graph of links (interaction nodes included, documents not).',
  valuesConfig: {
    DEGREE: { description: 'Number of distinct neighbours.' },
    BETWEENNESS: {
      description:
        'Share of shortest paths through a node (normalised); estimated from sampled sources on large graphs.',
    },
    PAGERANK: { description: 'PageRank (damping 0.85) on the undirected link graph.' },
  },
});

export enum BrokerGrouping {
  COUNTRY = 'COUNTRY',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(BrokerGrouping, {
  name: 'BrokerGrouping',
  description: 'What a broker bridges: countries (ISO codes) or detected communities.',
  valuesConfig: {
    COUNTRY: {
      description:
        "Groups are countries: a node's own country, else that of the place it is based or held in, else of the organisation it is affiliated with.",
    },
    COMMUNITY: {
      description:
        'Groups are the Louvain communities of the communities query (same links and window).',
    },
  },
});

@InputType({
  description:
    'A date window for the analytics: links whose period overlaps it are kept; either end may be open. from after to is BAD_USER_INPUT.',
})
export class DateWindowInput {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of the window (inclusive); null or absent: open to the past.',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the window (inclusive); null or absent: open to the future.',
  })
  to?: string | null;

  @Field(() => Boolean, {
    defaultValue: true,
    description:
      'Keep links with no date of their own and no dated event or interaction at either end.',
  })
  includeUndated!: boolean;
}

/** The period a link carries (SubgraphEdge, PathStep): what the `window` argument compares. */
const LINK_PERIOD_START =
  "First day of the period the `window` argument compares: the link's own startDate, else that of the event or interaction it points to, else of the one it starts at (an event's effective days; an interaction's date). Null when undated, or when the link's own period is open at its start.";
const LINK_PERIOD_END =
  "Last day of the period the `window` argument compares, from the same source as startDate (an event without a last day lasts its first). Null when undated, or when the link's own period is open at its end (it still holds).";

@ObjectType({
  description:
    'One relationship walked along a path, from the node before it to the node after it in walk order.',
})
export class PathStep {
  @Field(() => ID, { description: 'Global id of the node this step leaves.' })
  from!: string;

  @Field(() => ID, { description: 'Global id of the node this step reaches.' })
  to!: string;

  @Field(() => LinkType, { description: 'The relationship type, e.g. AFFILIATED_WITH or INVITES.' })
  type!: LinkTypeName;

  @Field({ description: 'True when the relationship points against the walk (to -> from).' })
  reversed!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The role the relationship carries, as the source words it (e.g. lead partner, speaker); null when none.',
  })
  role!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: LINK_PERIOD_START,
  })
  startDate!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: LINK_PERIOD_END,
  })
  endDate!: string | null;

  evidenceIds!: string[];
}

@ObjectType({ description: 'A walk through the graph, each step with its evidence.' })
export class Path {
  @Field(() => Int, {
    description: 'Number of steps (relationships walked), 1 to maxHops; nodes has one more.',
  })
  length!: number;

  @Field(() => [NodeInterface], {
    description:
      'The nodes in walk order, both ends included: entities and interaction nodes (an Invitation between inviter and invitee).',
  })
  nodes!: NodeInterface[];

  @Field(() => [PathStep], {
    description: 'The relationships walked, in walk order: steps[i] joins nodes[i] and nodes[i+1].',
  })
  steps!: PathStep[];
}

@ObjectType({
  description: 'A relationship inside a subgraph, in its stored direction (source -> target).',
})
export class SubgraphEdge {
  @Field(() => ID, {
    description: 'Global id of the node the relationship starts at (one of Subgraph.nodes).',
  })
  source!: string;

  @Field(() => ID, {
    description: 'Global id of the node the relationship points to (one of Subgraph.nodes).',
  })
  target!: string;

  @Field(() => LinkType, { description: 'The relationship type, e.g. PARTICIPATED_IN.' })
  type!: LinkTypeName;

  @Field(() => String, {
    nullable: true,
    description:
      'The role the relationship carries, as the source words it (e.g. participant, funder); null when none.',
  })
  role!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: LINK_PERIOD_START,
  })
  startDate!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: LINK_PERIOD_END,
  })
  endDate!: string | null;

  evidenceIds!: string[];
}

@ObjectType({ description: 'Nodes and the typed relationships among them.' })
export class Subgraph {
  @Field(() => [NodeInterface], {
    description:
      'The centre first, then the nodes found, nearer ones first: entities and interaction nodes, each once.',
  })
  nodes!: NodeInterface[];

  @Field(() => [SubgraphEdge], {
    description: 'Every relationship of the walked types whose two ends are both in nodes.',
  })
  edges!: SubgraphEdge[];

  @Field({ description: 'True when the node cap cut the result (nearer nodes are kept first).' })
  truncated!: boolean;
}

@ObjectType({ description: 'An entity with its score under a centrality measure.' })
export class RankedEntity {
  @Field(() => EntityInterface, {
    description: 'The entity ranked, of one of the types asked for.',
  })
  entity!: EntityInterface;

  @Field(() => Float, {
    description:
      'Its centrality: for DEGREE the number of distinct neighbours, for BETWEENNESS a share between 0 and 1, for PAGERANK a probability between 0 and 1.',
  })
  score!: number;

  @Field(() => Int, {
    description:
      '1 for the highest score; tied scores share a rank, and the next rank counts the entities above it (1, 2, 2, 4), as in competition ranking. Ties come in the order of their uuids (an id encodes the type and the uuid).',
  })
  rank!: number;

  @Field({
    description: 'True when the score is a sampled estimate (betweenness on large graphs).',
  })
  approximate!: boolean;

  uuid!: string;
}

@ObjectType({
  description:
    'Measures of one node computed on the whole graph (the same projection, links and window as centrality and communities), for colouring and sizing a drawing of part of it.',
})
export class NodeMetrics {
  @Field(() => ID, { description: 'Global id of the node, as asked for.' })
  id!: string;

  @Field(() => Int, {
    description: 'Number of distinct neighbours: the score centrality(measure: DEGREE) gives.',
  })
  degree!: number;

  @Field(() => Float, {
    description:
      'PageRank (damping 0.85), a probability between 0 and 1: the score centrality(measure: PAGERANK) gives.',
  })
  pageRank!: number;

  @Field(() => Float, {
    description:
      'Share of shortest paths through the node, between 0 and 1: the score centrality(measure: BETWEENNESS) gives, estimated from sampled sources on graphs of more than 2,000 nodes as there.',
  })
  betweenness!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'The Louvain community the node is in, numbered as the communities query numbers them (0 the largest); a node without links is a community of its own.',
  })
  community!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "ISO 3166-1 alpha-2 code of the node's country: its own, else that of the place it is based or held in, else of the organisation it is affiliated with (smallest code when several); null when none.",
  })
  country!: string | null;
}

@ObjectType({ description: 'A community found by Louvain modularity optimisation.' })
export class Community {
  @Field(() => Int, { description: 'Community number, 0 for the largest.' })
  id!: number;

  @Field(() => Int, {
    description: 'Number of nodes in the community (entities and interaction nodes).',
  })
  size!: number;

  @Field(() => [String], {
    description: 'ISO 3166-1 alpha-2 codes of its members’ countries, most frequent first.',
  })
  countries!: string[];

  @Field(() => [EntityInterface], {
    description: 'Its best-connected entities (up to membersFirst).',
  })
  members!: EntityInterface[];

  memberIds!: string[];
}

@ObjectType({ description: 'A partition of the graph into communities.' })
export class CommunityResult {
  @Field(() => Float, { description: 'Modularity of the partition (-0.5 to 1).' })
  modularity!: number;

  @Field(() => Int, {
    description:
      'How many communities the partition has, the small ones minSize leaves out included.',
  })
  count!: number;

  @Field(() => [Community], {
    description: 'The communities of at least minSize nodes, largest first, up to first of them.',
  })
  communities!: Community[];
}

@ObjectType({ description: 'An entity whose contacts span several countries or communities.' })
export class Broker {
  @Field(() => EntityInterface, { description: 'The person or organisation that brokers.' })
  entity!: EntityInterface;

  @Field(() => Int, { description: 'How many groups its contacts (and itself) span.' })
  score!: number;

  @Field(() => [String], { description: 'The groups spanned: country codes or community ids.' })
  groups!: string[];

  @Field(() => Int, {
    description: 'Contacts: entities linked directly or through one event or interaction.',
  })
  contacts!: number;

  @Field(() => Int, { description: 'Contacts in a group other than its own.' })
  crossGroupContacts!: number;

  uuid!: string;
}

@ObjectType({ description: 'A dated moment in an entity’s history: an event or an interaction.' })
export class TimelineEntry {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The interaction's date, or the event's first day: its own, else its parts' (effectiveStartDate; effectiveStartDateSource says which).",
  })
  date!: string | null;

  @Field(() => NodeInterface, {
    description: 'The event, or the interaction (Invitation, Presentation, Proposal, Question).',
  })
  node!: NodeInterface;

  @Field(() => LinkType, {
    description: 'How the entity is linked to it, e.g. PARTICIPATED_IN, EXTENDED, INVITES.',
  })
  link!: LinkTypeName;

  @Field(() => String, {
    nullable: true,
    description:
      'The role the link carries, as the source words it (e.g. speaker, organiser); null when none.',
  })
  role!: string | null;
}

export const TimelineEntryConnection = connectionType(
  'TimelineEntry',
  TimelineEntry,
  'timeline entries (an entity’s events and interactions in date order)',
);

@ObjectType({ description: 'How fresh the analytics projection is, and what it cost to build.' })
export class AnalyticsStatus {
  @Field({ description: 'The graph version now (raised by every write that changes data).' })
  graphVersion!: string;

  @Field(() => String, { nullable: true, description: 'The version the projection reflects.' })
  projectionVersion!: string | null;

  @Field({ description: 'True when rankings answer from a projection of the current graph.' })
  current!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the projection now held was built; null before the first build.',
  })
  builtAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds the last build took.' })
  buildMs!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Nodes in the projection (entities but documents, and interaction nodes); null before the first build.',
  })
  nodes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct undirected links.' })
  links!: number | null;
}
