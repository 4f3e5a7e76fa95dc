/** Analytics queries. Thin: arguments in, one service call, result out. */
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { MetricsAsked } from './projection';
import { ConnectionArgs, ConnectionPage, type ConnectionShape } from '../../shared/connection';
import type { Context } from '../request/context';
import { EntityType } from '../../shared/enums';
import type { EntityService } from '../entity/entity.service';
import { Evidence } from '../evidence/evidence.type';
import type { LinkType as LinkTypeName } from './analytics.model';
import type { AnalyticsService } from './analytics.service';
import {
  AnalyticsStatus,
  Broker,
  BrokerGrouping,
  CentralityMeasure,
  CommunityResult,
  DateWindowInput,
  LinkType,
  NodeMetrics,
  Path,
  PathStep,
  RankedEntity,
  Subgraph,
  SubgraphEdge,
  TimelineEntry,
  TimelineEntryConnection,
} from './analytics.type';

const linkTypesArg = {
  nullable: true,
  description:
    'Relationship types to walk; absent or null: every type but the place links (BASED_IN, HELD_IN, AUDIENCE_FROM), since sharing a country is not a collaboration.',
} as const;
const windowArg = {
  nullable: true,
  description:
    'Only links whose period overlaps this window: their own startDate/endDate, else the date of the event or interaction at either end; absent or null: every link.',
} as const;
const fromArg = {
  description:
    'Global id of the node the walk starts at: an entity (not a Document) or an interaction.',
} as const;
const toArg = {
  description:
    'Global id of the node the walk ends at: an entity (not a Document) or an interaction.',
} as const;
const maxHopsArg = {
  defaultValue: 6,
  description:
    'The longest walk looked for, in steps, 1 to 10 (BAD_USER_INPUT outside); an interaction node in the middle counts as a node like any other.',
} as const;
type Types = (keyof typeof EntityType)[] | null;

const LIGHT_FIELDS = new Set(['id', '__typename', 'name']);

/**
 * True when a neighbourhood's nodes are asked for nothing beyond id, __typename and name (on any
 * type or fragment): what a graph drawing needs, and what the walk reads anyway.
 */
function asksOnlyNames(info: GraphQLResolveInfo): boolean {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const selections = Object.values(tree?.fieldsByTypeName ?? {}).flatMap((fields) =>
    Object.values(fields).filter((f) => f.name === 'nodes'),
  );
  return selections.every((nodes) =>
    Object.values(nodes.fieldsByTypeName).every((fields) =>
      Object.values(fields).every((f) => LIGHT_FIELDS.has(f.name)),
    ),
  );
}

/** True when the selection asks for `edges` of the subgraph (under any alias or fragment). */
function asksForEdges(info: GraphQLResolveInfo): boolean {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  return Object.values(tree?.fieldsByTypeName ?? {}).some((fields) =>
    Object.values(fields).some((f) => f.name === 'edges'),
  );
}

/** The costlier measures a nodeMetrics selection asks for (under any alias or fragment). */
function metricsAsked(info: GraphQLResolveInfo): MetricsAsked {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const names = new Set(
    Object.values(tree?.fieldsByTypeName ?? {}).flatMap((fields) =>
      Object.values(fields).map((f) => f.name),
    ),
  );
  return {
    pageRank: names.has('pageRank'),
    betweenness: names.has('betweenness'),
    community: names.has('community'),
  };
}

@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Query(() => Path, {
    nullable: true,
    description:
      'A shortest path between two nodes (one of them when several tie: shortestPaths lists the ties); null when none within maxHops.',
  })
  async shortestPath(
    @Arg('from', () => ID, fromArg) from: string,
    @Arg('to', () => ID, toArg) to: string,
    @Arg('maxHops', () => Int, maxHopsArg) maxHops: number,
    @Arg('linkTypes', () => [LinkType], linkTypesArg) linkTypes: LinkTypeName[] | null,
    @Arg('window', () => DateWindowInput, windowArg) window: DateWindowInput | null,
    @Ctx() ctx: Context,
  ): Promise<Path | null> {
    const [path] = await this.analytics.shortestPaths(ctx, from, to, 1, maxHops, {
      linkTypes,
      window,
    });
    return path ?? null;
  }

  @Query(() => [Path], {
    description:
      'Up to k shortest paths, shortest first; paths of one length in a fixed order (by the ids along them). With more ties than k, which of them are kept is not fixed.',
  })
  shortestPaths(
    @Arg('from', () => ID, fromArg) from: string,
    @Arg('to', () => ID, toArg) to: string,
    @Arg('k', () => Int, {
      defaultValue: 3,
      description: 'How many walks at most, 1 to 10; fewer when fewer exist within maxHops.',
    })
    k: number,
    @Arg('maxHops', () => Int, maxHopsArg) maxHops: number,
    @Arg('linkTypes', () => [LinkType], linkTypesArg) linkTypes: LinkTypeName[] | null,
    @Arg('window', () => DateWindowInput, windowArg) window: DateWindowInput | null,
    @Ctx() ctx: Context,
  ): Promise<Path[]> {
    return this.analytics.shortestPaths(ctx, from, to, k, maxHops, { linkTypes, window });
  }

  @Query(() => Subgraph, {
    description:
      'The nodes within depth steps of a node (itself included) and the links among them, for drawing a network; NOT_FOUND for an unknown id.',
  })
  neighbourhood(
    @Arg('id', () => ID, {
      description: 'Global id of the centre: an entity (not a Document) or an interaction.',
    })
    id: string,
    @Arg('depth', () => Int, {
      defaultValue: 1,
      description: 'How many steps out from the centre, 1 to 3 (BAD_USER_INPUT outside).',
    })
    depth: number,
    @Arg('limit', () => Int, {
      defaultValue: 200,
      description:
        'The most nodes returned, 1 to 2000; nearer nodes are kept first and truncated says when the cap cut.',
    })
    limit: number,
    @Arg('types', () => [EntityType], {
      nullable: true,
      description:
        'Entity types to keep; absent or null keeps all. Interaction nodes always stay, since they join the entities.',
    })
    types: Types,
    @Arg('linkTypes', () => [LinkType], linkTypesArg) linkTypes: LinkTypeName[] | null,
    @Arg('window', () => DateWindowInput, windowArg) window: DateWindowInput | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Subgraph> {
    return this.analytics.neighbourhood(
      ctx,
      id,
      depth,
      limit,
      types,
      { linkTypes, window },
      { light: asksOnlyNames(info), edges: asksForEdges(info) },
    );
  }

  @Query(() => [RankedEntity], {
    description:
      'Entities ranked by a centrality measure, highest first: a bounded top-N list (at most 100, default 10), not a connection, because a ranking is read from its top and its order moves with every write. Every entity and link is in the /export files (e.g. /export/graph.gexf, /export/nodes.csv) to rank the whole graph in Gephi or NetworkX.',
  })
  centrality(
    @Arg('measure', () => CentralityMeasure, { description: 'The measure to rank by.' })
    measure: CentralityMeasure,
    @Arg('types', () => [EntityType], {
      nullable: true,
      description: 'Entity types to rank (default all but Document).',
    })
    types: Types,
    @Arg('first', () => Int, {
      defaultValue: 10,
      description: 'How many of the top to list: 1 to 100, default 10.',
    })
    first: number,
    @Arg('linkTypes', () => [LinkType], linkTypesArg) linkTypes: LinkTypeName[] | null,
    @Arg('window', () => DateWindowInput, windowArg) window: DateWindowInput | null,
    @Ctx() ctx: Context,
  ): Promise<RankedEntity[]> {
    return this.analytics.centrality(ctx, measure, types, first, { linkTypes, window });
  }

  @Query(() => CommunityResult, {
    description:
      'Communities (Louvain) with the partition’s modularity and count: the largest `first`, each with its first `membersFirst` members, a bounded top-N list (at most 100 of each), not a connection, because a partition is recomputed when the graph changes and its communities have no stable order to page through. Every node’s community is the `community` attribute of the /export files (e.g. /export/nodes.csv).',
  })
  communities(
    @Arg('first', () => Int, {
      defaultValue: 20,
      description: 'How many communities to list, largest first: 1 to 100, default 20.',
    })
    first: number,
    @Arg('membersFirst', () => Int, {
      defaultValue: 10,
      description: 'How many members to list per community: 1 to 100, default 10.',
    })
    membersFirst: number,
    @Arg('minSize', () => Int, {
      defaultValue: 2,
      description: 'List only communities of at least this many members: 1 or more, default 2.',
    })
    minSize: number,
    @Arg('linkTypes', () => [LinkType], linkTypesArg) linkTypes: LinkTypeName[] | null,
    @Arg('window', () => DateWindowInput, windowArg) window: DateWindowInput | null,
    @Ctx() ctx: Context,
  ): Promise<CommunityResult> {
    return this.analytics.communities(ctx, first, membersFirst, minSize, { linkTypes, window });
  }

  @Query(() => [NodeMetrics], {
    description:
      'Degree, PageRank, betweenness, Louvain community and country of the nodes asked for, computed on the whole graph (the values centrality and communities give, for the same linkTypes and window), in the order asked. A well-formed id of no node in the graph (deleted, or never one) gets no entry; a Document id or an id not of this API is BAD_USER_INPUT naming its place, e.g. ids[3].',
  })
  nodeMetrics(
    @Arg('ids', () => [ID], {
      description:
        'Global ids of entities (not Documents) or interactions: 1 to 2000 (BAD_USER_INPUT outside); an id given twice is answered twice. The cost limit prices the field as one row per id.',
    })
    ids: string[],
    @Arg('linkTypes', () => [LinkType], linkTypesArg) linkTypes: LinkTypeName[] | null,
    @Arg('window', () => DateWindowInput, windowArg) window: DateWindowInput | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeMetrics[]> {
    return this.analytics.nodeMetrics(ctx, ids, { linkTypes, window }, metricsAsked(info));
  }

  @Query(() => [Broker], {
    description:
      'Entities whose contacts span the most countries or communities, highest score first: a bounded top-N list (at most 100, default 10), not a connection, because a ranking is read from its top and its order moves with every write. The whole graph, with each node’s country and community, is in the /export files.',
  })
  brokers(
    @Arg('by', () => BrokerGrouping, {
      defaultValue: BrokerGrouping.COUNTRY,
      description: 'What the contacts’ groups are: countries (default) or communities.',
    })
    by: BrokerGrouping,
    @Arg('countries', () => [String], {
      nullable: true,
      description:
        'Keep brokers spanning all of these, with by: COUNTRY: ISO 3166-1 alpha-2 codes in capitals, e.g. FI (others are refused).',
    })
    countries: string[] | null,
    @Arg('types', () => [EntityType], {
      nullable: true,
      description: 'Entity types that may broker (default Person, Organisation).',
    })
    types: Types,
    @Arg('first', () => Int, {
      defaultValue: 10,
      description: 'How many of the top to list: 1 to 100, default 10.',
    })
    first: number,
    @Arg('linkTypes', () => [LinkType], linkTypesArg) linkTypes: LinkTypeName[] | null,
    @Arg('window', () => DateWindowInput, windowArg) window: DateWindowInput | null,
    @Ctx() ctx: Context,
  ): Promise<Broker[]> {
    return this.analytics.brokers(ctx, by, countries, types, first, { linkTypes, window });
  }

  @Query(() => AnalyticsStatus, {
    description:
      'Which graph version the rankings (centrality, communities, brokers) reflect, and what building their in-memory projection cost.',
  })
  analyticsStatus(@Ctx() ctx: Context): Promise<AnalyticsStatus> {
    return this.analytics.status(ctx);
  }

  @Query(() => [TimelineEntry], {
    deprecationReason:
      'Use timelineEntries: the same entries as a connection, paged with first/after or last/before to the end; timeline stops after 500.',
    description:
      'The events and interactions of an entity in date order (undated last): the first `first` only, with no next page. Deprecated: timelineEntries pages through them all.',
  })
  timeline(
    @Arg('id', () => ID, { description: 'The entity (not an interaction) whose timeline to list.' })
    id: string,
    @Arg('first', () => Int, {
      defaultValue: 100,
      description: 'How many entries to list from the oldest: 1 to 500, default 100.',
    })
    first: number,
    @Ctx() ctx: Context,
  ): Promise<TimelineEntry[]> {
    return this.analytics.timeline(ctx, id, first);
  }

  @Query(() => TimelineEntryConnection, {
    description:
      'The events and interactions of an entity in date order: by day (an event’s effective first day; undated last), then start time, link type, id and role. A connection: first/after or last/before.',
  })
  timelineEntries(
    @Arg('id', () => ID, { description: 'The entity (not an interaction) whose timeline to list.' })
    id: string,
    @ConnectionPage() page: ConnectionArgs = {},
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<TimelineEntry>> {
    return this.analytics.timelineEntries(ctx, id, page);
  }
}

@Resolver(() => PathStep)
export class PathStepResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => [Evidence], {
    description:
      'The sources stating the relationship walked: quotes, public pages, or the client that asserted it.',
  })
  evidence(@Root() step: PathStep, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, step.evidenceIds);
  }
}

@Resolver(() => SubgraphEdge)
export class SubgraphEdgeResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => [Evidence], {
    description:
      'The sources stating the relationship: quotes, public pages, or the client that asserted it.',
  })
  evidence(@Root() edge: SubgraphEdge, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, edge.evidenceIds);
  }
}
