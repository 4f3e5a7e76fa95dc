/**
 * Analytics for network analysts: shortest paths with evidence, neighbourhoods, centrality,
 * communities, brokers and timelines. Paths and neighbourhoods run in Neo4j; rankings and
 * communities on a cached in-memory projection (see projection.ts). Every bound is checked here
 * and answered with BAD_USER_INPUT naming the argument.
 */
import type { Database } from '../../db/database';
import type { Context } from '../../shared/context';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { fromGlobalId, toGlobalId, type NodeType } from '../../shared/global-id';
import { labelOfType, type EntityType } from '../../shared/enums';
import { ENTITY_LABELS, type EntityLabel } from '../../shared/model';
import type { EntityObject, EntityService } from '../entity/entity.service';
import type { NodeInterface } from '../entity/entity.type';
import type { InvitationService } from '../invitation/invitation.service';
import { LINK_TYPES, type DateWindow, type LinkType } from './analytics.model';
import type { AnalyticsRepository, LinkFilter, NodeRef } from './analytics.repository';
import { BrokerGrouping, CentralityMeasure } from './analytics.type';
import type {
  AnalyticsStatus,
  Broker,
  CommunityResult,
  DateWindowInput,
  Path,
  RankedEntity,
  Subgraph,
  TimelineEntry,
} from './analytics.type';
import { buildProjection, ProjectionCache, type Projection } from './projection';

/** Geography is not collaboration: place links join the walk only when asked for. */
export const DEFAULT_LINK_TYPES: readonly LinkType[] = LINK_TYPES.filter(
  (t) => !['BASED_IN', 'HELD_IN', 'AUDIENCE_FROM'].includes(t),
);

export const LIMITS = {
  maxHops: { min: 1, max: 10 },
  k: { min: 1, max: 10 },
  depth: { min: 1, max: 3 },
  nodeCap: { min: 1, max: 2_000 },
  first: { min: 1, max: 100 },
  timeline: { min: 1, max: 500 },
} as const;

export interface LinkArgs {
  linkTypes?: LinkType[] | null;
  window?: DateWindowInput | null;
}

function bounded(value: number, name: keyof typeof LIMITS, argument: string): number {
  const { min, max } = LIMITS[name];
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadUserInputError(
      `${argument} must be between ${min} and ${max}; got ${value}.`,
      argument,
    );
  return value;
}

export class AnalyticsService {
  private readonly cache = new ProjectionCache();

  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly db: Database,
    private readonly entities: EntityService,
    private readonly interactions: InvitationService,
  ) {}

  async shortestPaths(
    ctx: Context,
    fromId: string,
    toId: string,
    k: number,
    maxHops: number,
    args: LinkArgs,
  ): Promise<Path[]> {
    bounded(k, 'k', 'k');
    bounded(maxHops, 'maxHops', 'maxHops');
    const from = this.ref(fromId, 'from');
    const to = this.ref(toId, 'to');
    if (from.uuid === to.uuid)
      throw new BadUserInputError('from and to are the same node: a path needs two.', 'to');
    const filter = this.filter(args);
    const paths = await this.repo.shortestPaths(from, to, k, maxHops, filter, ctx.requestId);
    if (paths.length === 0) await this.mustExist(ctx, [from, to], ['from', 'to']);
    const nodes = await this.nodes(
      ctx,
      paths.flatMap((p) => p.nodes),
    );
    return paths.map((p) => ({
      length: p.steps.length,
      nodes: p.nodes.map((n) => nodes.get(n.uuid)).filter((n): n is NodeInterface => !!n),
      steps: p.steps.map((s, i) => ({
        from: toGlobalId(p.nodes[i]!.type, p.nodes[i]!.uuid),
        to: toGlobalId(p.nodes[i + 1]!.type, p.nodes[i + 1]!.uuid),
        type: s.type,
        reversed: s.reversed,
        role: s.role,
        evidenceIds: s.evidenceIds,
      })),
    }));
  }

  async neighbourhood(
    ctx: Context,
    id: string,
    depth: number,
    limit: number,
    types: EntityType[] | null | undefined,
    args: LinkArgs,
    asked: { light: boolean; edges: boolean } = { light: false, edges: true },
  ): Promise<Subgraph> {
    const found = await this.walk(ctx, id, depth, limit, types, args, 'id', asked.edges);
    const light = asked.light;
    // Asked for no more than ids, types and names: those came with the walk, no second read.
    const nodes = light
      ? new Map(found.nodes.map((n) => [n.uuid, walkedNode(n)]))
      : await this.nodes(ctx, found.nodes);
    return {
      nodes: found.nodes.map((n) => nodes.get(n.uuid)).filter((n): n is NodeInterface => !!n),
      edges: found.edges.map((e) => ({
        source: toGlobalId(e.source.type, e.source.uuid),
        target: toGlobalId(e.target.type, e.target.uuid),
        type: e.type,
        role: e.role,
        evidenceIds: e.evidenceIds,
      })),
      truncated: found.truncated,
    };
  }

  /** The uuids of a neighbourhood (exports take them as a filter), nodes never loaded. */
  async neighbourhoodIds(
    ctx: Context,
    id: string,
    depth: number,
    limit: number,
    args: LinkArgs,
    argument: string,
  ): Promise<string[]> {
    return (await this.walk(ctx, id, depth, limit, null, args, argument, false)).nodes.map(
      (n) => n.uuid,
    );
  }

  private async walk(
    ctx: Context,
    id: string,
    depth: number,
    limit: number,
    types: EntityType[] | null | undefined,
    args: LinkArgs,
    argument: string,
    /** Read the links among the nodes too (skipped when nobody asked for them). */
    edges: boolean,
  ): Promise<NonNullable<Awaited<ReturnType<AnalyticsRepository['neighbourhood']>>>> {
    bounded(depth, 'depth', 'depth');
    bounded(limit, 'nodeCap', 'limit');
    const centre = this.ref(id, argument);
    const labels = types && types.length > 0 ? types.map(labelOfType) : null;
    const found = await this.repo.neighbourhood(
      centre,
      depth,
      limit,
      { ...this.filter(args), labels },
      edges,
      ctx.requestId,
    );
    if (!found) throw new NotFoundError(`No node has the id ${id}.`, argument);
    return found;
  }

  async centrality(
    ctx: Context,
    measure: CentralityMeasure,
    types: EntityType[] | null | undefined,
    first: number,
    args: LinkArgs,
  ): Promise<RankedEntity[]> {
    bounded(first, 'first', 'first');
    const projection = await this.projection(ctx, args);
    const scores =
      measure === CentralityMeasure.DEGREE
        ? projection.degree()
        : measure === CentralityMeasure.PAGERANK
          ? projection.pagerank()
          : projection.betweenness();
    const allowed = this.labels(types);
    const ranked = [...scores.values]
      .filter(([uuid]) => allowed.has(projection.attributes(uuid)?.type ?? ''))
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, first);
    const entities = await this.entityMap(
      ctx,
      ranked.map(([uuid]) => uuid),
    );
    return ranked.flatMap(([uuid, score], i) => {
      const entity = entities.get(uuid);
      return entity ? [{ entity, score, rank: i + 1, approximate: scores.approximate, uuid }] : [];
    });
  }

  async communities(
    ctx: Context,
    first: number,
    membersFirst: number,
    minSize: number,
    args: LinkArgs,
  ): Promise<CommunityResult> {
    bounded(first, 'first', 'first');
    bounded(membersFirst, 'first', 'membersFirst');
    if (!Number.isInteger(minSize) || minSize < 1)
      throw new BadUserInputError(`minSize must be 1 or more; got ${minSize}.`, 'minSize');
    const projection = await this.projection(ctx, args);
    const { of, modularity, count } = projection.communities();
    const groups = new Map<number, string[]>();
    for (const [uuid, c] of of) groups.set(c, [...(groups.get(c) ?? []), uuid]);
    const listed = [...groups.entries()]
      .filter(([, members]) => members.length >= minSize)
      .sort(([a], [b]) => a - b)
      .slice(0, first);
    const degree = projection.degree().values;
    const entityMembers = listed.map(([, members]) =>
      members
        .filter((m) =>
          (ENTITY_LABELS as readonly string[]).includes(projection.attributes(m)?.type ?? ''),
        )
        .sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : 1))
        .slice(0, membersFirst),
    );
    const entities = await this.entityMap(ctx, entityMembers.flat());
    return {
      modularity,
      count,
      communities: listed.map(([c, members], i) => ({
        id: c,
        size: members.length,
        countries: mostFrequent(members.map((m) => projection.attributes(m)?.country ?? null)),
        members: entityMembers[i]!.map((m) => entities.get(m)).filter(
          (e): e is EntityObject => !!e,
        ),
        memberIds: members,
      })),
    };
  }

  async brokers(
    ctx: Context,
    by: BrokerGrouping,
    countries: string[] | null | undefined,
    types: EntityType[] | null | undefined,
    first: number,
    args: LinkArgs,
  ): Promise<Broker[]> {
    bounded(first, 'first', 'first');
    const wanted = (countries ?? []).map((c) => c.toUpperCase());
    const bad = wanted.find((c) => !/^[A-Z]{2}$/.test(c));
    if (bad !== undefined)
      throw new BadUserInputError(
        `countries are ISO 3166-1 alpha-2 codes such as FI; got ${JSON.stringify(bad)}.`,
        'countries',
      );
    if (wanted.length > 0 && by !== BrokerGrouping.COUNTRY)
      throw new BadUserInputError('countries applies when by is COUNTRY.', 'countries');
    const projection = await this.projection(ctx, args);
    const communities = by === BrokerGrouping.COMMUNITY ? projection.communities().of : null;
    const groupOf = (uuid: string): string | null =>
      communities ? String(communities.get(uuid)) : (projection.attributes(uuid)?.country ?? null);
    const ranked = projection
      .brokers(groupOf, {
        candidates: this.labels(types, ['Person', 'Organisation']),
        required: wanted,
      })
      .slice(0, first);
    const entities = await this.entityMap(
      ctx,
      ranked.map((b) => b.uuid),
    );
    return ranked.flatMap((b) => {
      const entity = entities.get(b.uuid);
      return entity ? [{ ...b, entity }] : [];
    });
  }

  async timeline(ctx: Context, id: string, first: number): Promise<TimelineEntry[]> {
    bounded(first, 'timeline', 'first');
    const ref = this.ref(id, 'id');
    if (!(ENTITY_LABELS as readonly string[]).includes(ref.type))
      throw new BadUserInputError('A timeline belongs to an entity, not an interaction.', 'id');
    const rows = await this.repo.timeline(ref.uuid, first, ctx.requestId);
    if (rows.length === 0) await this.mustExist(ctx, [ref], ['id']);
    const nodes = await this.nodes(
      ctx,
      rows.map((r) => r.node),
    );
    return rows.flatMap((r) => {
      const node = nodes.get(r.node.uuid);
      return node ? [{ date: r.date, node, link: r.link, role: r.role }] : [];
    });
  }

  /**
   * Brings the default projection (and its communities, which exports use) up to the graph's
   * version, in the background of whoever calls it; never throws (a failure is retried next time).
   */
  async refresh(onError: (error: unknown) => void): Promise<void> {
    try {
      (await this.projection(undefined, {})).communities();
    } catch (error) {
      onError(error);
    }
  }

  /** The default projection's state: which graph version it reflects and what it cost. */
  async status(ctx: Context): Promise<AnalyticsStatus> {
    const [projection, version] = await Promise.all([
      this.cache.peek(this.filter({})),
      this.db.graphVersion(ctx.requestId),
    ]);
    return {
      graphVersion: version,
      projectionVersion: projection?.version ?? null,
      current: projection?.version === version,
      builtAt: projection?.builtAt.toISOString() ?? null,
      buildMs: projection?.buildMs ?? null,
      nodes: projection?.graph.order ?? null,
      links: projection?.graph.size ?? null,
    };
  }

  /** The projection for these link arguments, rebuilt only when the graph version moved. */
  async projection(ctx: Context | undefined, args: LinkArgs): Promise<Projection> {
    const filter = this.filter(args);
    const version = await this.db.graphVersion(ctx?.requestId);
    return this.cache.get(filter, version, () =>
      buildProjection(version, (onNode, onEdge) => this.repo.project(filter, onNode, onEdge)),
    );
  }

  filter(args: LinkArgs): LinkFilter {
    const types =
      args.linkTypes && args.linkTypes.length > 0
        ? [...new Set(args.linkTypes)]
        : DEFAULT_LINK_TYPES;
    return { types, window: this.window(args.window) };
  }

  private window(input: DateWindowInput | null | undefined): DateWindow | null {
    if (!input) return null;
    const window = {
      from: input.from ?? null,
      to: input.to ?? null,
      includeUndated: input.includeUndated ?? true,
    };
    if (window.from && window.to && window.from > window.to)
      throw new BadUserInputError(
        `window.from (${window.from}) is after window.to (${window.to}).`,
        'window.from',
      );
    return window.from === null && window.to === null ? null : window;
  }

  private ref(id: string, argument: string): NodeRef {
    const parsed = fromGlobalId(id);
    if (!parsed)
      throw new BadUserInputError(
        `${argument} is not a node id of this API: ${JSON.stringify(id.slice(0, 80))}.`,
        argument,
      );
    return parsed;
  }

  private labels(types: EntityType[] | null | undefined, fallback?: EntityLabel[]): Set<string> {
    if (types && types.length > 0) return new Set(types.map(labelOfType));
    return new Set(fallback ?? ENTITY_LABELS.filter((l) => l !== 'Document'));
  }

  private async mustExist(ctx: Context, refs: NodeRef[], argumentsNames: string[]): Promise<void> {
    const found = await this.nodes(ctx, refs);
    refs.forEach((ref, i) => {
      if (!found.has(ref.uuid))
        throw new NotFoundError(
          `No node has the id ${toGlobalId(ref.type, ref.uuid)}.`,
          argumentsNames[i],
        );
    });
  }

  /** Entities and interactions by uuid through the request's loaders (batched). */
  private async nodes(ctx: Context, refs: NodeRef[]): Promise<Map<string, NodeInterface>> {
    const isEntity = (type: NodeType): boolean =>
      (ENTITY_LABELS as readonly string[]).includes(type);
    const entityIds = [...new Set(refs.filter((r) => isEntity(r.type)).map((r) => r.uuid))];
    const interactionIds = [...new Set(refs.filter((r) => !isEntity(r.type)).map((r) => r.uuid))];
    const [entities, interactions] = await Promise.all([
      this.entities.manyByUuid(ctx, entityIds),
      this.interactions.manyByUuid(ctx, interactionIds),
    ]);
    const map = new Map<string, NodeInterface>();
    for (const e of entities) map.set(e.uuid, e);
    for (const [uuid, node] of interactions) map.set(uuid, node);
    return map;
  }

  private async entityMap(ctx: Context, uuids: string[]): Promise<Map<string, EntityObject>> {
    const entities = await this.entities.manyByUuid(ctx, uuids);
    return new Map(entities.map((e) => [e.uuid, e]));
  }
}

/** A node with only what a walk reads: id, type and name (enough for `id __typename name`). */
function walkedNode(ref: NodeRef): NodeInterface {
  return {
    id: toGlobalId(ref.type, ref.uuid),
    typeName: ref.type,
    uuid: ref.uuid,
    name: ref.name ?? null,
  } as NodeInterface;
}

/** Distinct non-null values, most frequent first (ties alphabetical). */
function mostFrequent(values: (string | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([v]) => v);
}
