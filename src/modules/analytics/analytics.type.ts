/** GraphQL shapes of the analytics: paths, subgraphs, rankings, communities, brokers, timelines. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';
import { EntityInterface, NodeInterface } from '../entity/entity.type';
import { LINK_TYPES, type LinkType as LinkTypeName } from './analytics.model';

export const LinkType = Object.fromEntries(LINK_TYPES.map((t) => [t, t])) as {
  [K in LinkTypeName]: K;
};
registerEnumType(LinkType, {
  name: 'LinkType',
  description:
    'Relationship types the analytics walk: entity relationships and the links of interaction nodes (MENTIONS, being provenance, is not one).',
});

export enum CentralityMeasure {
  DEGREE = 'DEGREE',
  BETWEENNESS = 'BETWEENNESS',
  PAGERANK = 'PAGERANK',
}
registerEnumType(CentralityMeasure, {
  name: 'CentralityMeasure',
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
});

@InputType({ description: 'A date window; either end may be open.' })
export class DateWindowInput {
  @Field(() => DateScalar, { nullable: true, description: 'First day (inclusive).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day (inclusive).' })
  to?: string | null;

  @Field(() => Boolean, {
    defaultValue: true,
    description:
      'Keep links with no date of their own and no dated event or interaction at either end.',
  })
  includeUndated!: boolean;
}

@ObjectType({ description: 'One relationship walked along a path.' })
export class PathStep {
  @Field(() => ID, { description: 'Global id of the node this step leaves.' })
  from!: string;

  @Field(() => ID, { description: 'Global id of the node this step reaches.' })
  to!: string;

  @Field({ description: 'Relationship type, e.g. AFFILIATED_WITH or INVITES.' })
  type!: string;

  @Field({ description: 'True when the relationship points against the walk (to -> from).' })
  reversed!: boolean;

  @Field(() => String, { nullable: true })
  role!: string | null;

  evidenceIds!: string[];
}

@ObjectType({ description: 'A walk through the graph, each step with its evidence.' })
export class Path {
  @Field(() => Int, { description: 'Number of steps.' })
  length!: number;

  @Field(() => [NodeInterface], { description: 'The nodes in walk order, ends included.' })
  nodes!: NodeInterface[];

  @Field(() => [PathStep])
  steps!: PathStep[];
}

@ObjectType({ description: 'A relationship inside a subgraph.' })
export class SubgraphEdge {
  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field()
  type!: string;

  @Field(() => String, { nullable: true })
  role!: string | null;

  evidenceIds!: string[];
}

@ObjectType({ description: 'Nodes and the typed relationships among them.' })
export class Subgraph {
  @Field(() => [NodeInterface])
  nodes!: NodeInterface[];

  @Field(() => [SubgraphEdge])
  edges!: SubgraphEdge[];

  @Field({ description: 'True when the node cap cut the result (nearer nodes are kept first).' })
  truncated!: boolean;
}

@ObjectType({ description: 'An entity with its score under a measure.' })
export class RankedEntity {
  @Field(() => EntityInterface)
  entity!: EntityInterface;

  @Field(() => Float)
  score!: number;

  @Field(() => Int, { description: '1 for the highest score.' })
  rank!: number;

  @Field({
    description: 'True when the score is a sampled estimate (betweenness on large graphs).',
  })
  approximate!: boolean;

  uuid!: string;
}

@ObjectType({ description: 'A community found by Louvain modularity optimisation.' })
export class Community {
  @Field(() => Int, { description: 'Community number, 0 for the largest.' })
  id!: number;

  @Field(() => Int)
  size!: number;

  @Field(() => [String], { description: 'Countries of its members, most frequent first.' })
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

  @Field(() => Int)
  count!: number;

  @Field(() => [Community], { description: 'Largest first.' })
  communities!: Community[];
}

@ObjectType({ description: 'An entity whose contacts span several countries or communities.' })
export class Broker {
  @Field(() => EntityInterface)
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

  @Field(() => NodeInterface)
  node!: NodeInterface;

  @Field({ description: 'How the entity is linked, e.g. PARTICIPATED_IN, EXTENDED, INVITES.' })
  link!: string;

  @Field(() => String, { nullable: true })
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

  @Field(() => DateTimeScalar, { nullable: true })
  builtAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds the last build took.' })
  buildMs!: number | null;

  @Field(() => Int, { nullable: true })
  nodes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct undirected links.' })
  links!: number | null;
}
