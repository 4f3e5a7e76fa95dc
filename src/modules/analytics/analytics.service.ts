/**
 * Analytics for network analysts: shortest paths with evidence, neighbourhoods, centrality,
 * communities, brokers and timelines. Paths and neighbourhoods run in Neo4j; rankings and
 * communities on in-memory projections (see projection.ts) that live in the bounded pool of
 * worker threads (analytics.pool.ts): this thread only reads the rows from Neo4j in batches and
 * hands them on, so no build or algorithm ever holds the event loop. Projections are cached per
 * link filter until the graph version moves; identical concurrent requests share one build and
 * one run. Every bound is checked here and answered with BAD_USER_INPUT naming the argument.
 */
import type { Context } from '../request/context';
import {
  readPage,
  toConnection,
  type ConnectionShape,
  type PageArgs,
} from '../../shared/connection';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { fromGlobalId, toGlobalId, type NodeType } from '../../shared/global-id';
import { labelOfType, type EntityType } from '../../shared/enums';
import { countryProblem } from '../../shared/country';
import { ENTITY_LABELS, type EntityLabel } from '../../shared/model';
import type { EntityService } from '../entity/entity.service';
import type { EntityObject } from '../entity/entity.record';
import type { NodeInterface } from '../entity/entity.type';
import type { InteractionService } from '../interaction/interaction.service';
import { LINK_TYPES, type DateWindow, type LinkType } from './analytics.model';
import type { AnalyticsRepository, LinkFilter, NodeRef, PathRecord } from './analytics.repository';
import { BrokerGrouping, CentralityMeasure } from './analytics.type';
import type {
  AnalyticsStatus,
  Broker,
  CommunityResult,
  DateWindowInput,
  NodeMetrics,
  Path,
  RankedEntity,
  Subgraph,
  TimelineEntry,
} from './analytics.type';
import {
  AnalyticsPool,
  DEFAULT_POOL_LIMITS,
  type PoolLimits,
  type PoolSlot,
} from './analytics.pool';
import type { BuiltProjection, CommunityColumns, WorkerRequest } from './analytics.worker';
import type { CommunityListing, MetricsAsked, NodeMetricsRow, Ranking } from './projection';
import type { BrokerScore } from './brokers';

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
  metricsIds: { min: 1, max: 2_000 },
} as const;

/** Projections kept (each up to a few hundred MiB on a 100,000-node graph), and answers each. */
const MAX_PROJECTIONS = 4;
const MAX_ANSWERS = 32;

/** A projection held by one worker of the pool, and the answers computed on it lately. */
interface ProjectionHandle extends BuiltProjection {
  id: number;
  slot: PoolSlot;
  /** The worker's generation when it was built: a replaced worker no longer holds it. */
  generation: number;
  version: string;
  builtAt: Date;
  /** By request key; in flight ones are shared by identical concurrent callers. */
  answers: Map<string, Promise<unknown>>;
}

interface CacheEntry {
  version: string;
  handle: Promise<ProjectionHandle>;
  built?: ProjectionHandle;
  /** Requests between asking for this projection and getting their answer. */
  users: number;
  /** Out of the cache (stale or evicted): its worker drops it once its last user is done. */
  forgotten?: boolean;
}

type Ask = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'call' | 'id'>
    : never
  : never;

const held = (h: ProjectionHandle): boolean => h.slot.generation === h.generation;

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
  private readonly projections = new Map<string, CacheEntry>();
  private pool: AnalyticsPool | undefined;
  private nextProjection = 1;

  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly entities: EntityService,
    private readonly interactions: InteractionService,
    private readonly limits: Readonly<PoolLimits> = DEFAULT_POOL_LIMITS,
  ) {}

  /** Ends the worker threads (server stop); runs still waiting are refused. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.projections.clear();
    await pool?.close();
  }

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
    // Walks of one length come from the database in no fixed order: shortest first, then by
    // the ids along them, so the same question gets the same answer on every run.
    const key = (p: PathRecord): string => p.nodes.map((n) => n.uuid).join(' ');
    const paths = (await this.repo.shortestPaths(from, to, k, maxHops, filter, ctx.requestId)).sort(
      (a, b) => a.steps.length - b.steps.length || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
    );
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
        startDate: s.startDate,
        endDate: s.endDate,
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
        startDate: e.startDate,
        endDate: e.endDate,
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
    const allowed = [...this.labels(types)].sort();
    const { ranked, approximate } = await this.answer<Ranking>(ctx, args, {
      op: 'ranking',
      measure,
      allowed,
      first,
    });
    const entities = await this.entityMap(
      ctx,
      ranked.map(([uuid]) => uuid),
    );
    // Competition ranking (1, 2, 2, 4): tied scores share a rank, and ranks count those above.
    let rank = 0;
    return ranked.flatMap(([uuid, score], i) => {
      if (i === 0 || score !== ranked[i - 1]![1]) rank = i + 1;
      const entity = entities.get(uuid);
      return entity ? [{ entity, score, rank, approximate, uuid }] : [];
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
    const { modularity, count, communities } = await this.answer<CommunityListing>(ctx, args, {
      op: 'listing',
      first,
      membersFirst,
      minSize,
    });
    const entities = await this.entityMap(
      ctx,
      communities.flatMap((c) => c.members),
    );
    return {
      modularity,
      count,
      communities: communities.map((c) => ({
        id: c.id,
        size: c.size,
        countries: c.countries,
        members: c.members.map((m) => entities.get(m)).filter((e): e is EntityObject => !!e),
        memberIds: c.memberIds,
      })),
    };
  }

  /**
   * Whole-graph measures of the nodes asked for, in the order asked (an id asked twice is
   * answered twice). A well-formed id of a node the projection lacks (deleted, or not linked in
   * the window: every entity but documents and every interaction is a node) gets no entry; an
   * id that is not one of ours, or of a Document, is refused naming its place in `ids`.
   * `asked`: the costlier measures the selection wants (the others are computed only if asked).
   */
  async nodeMetrics(
    ctx: Context,
    ids: string[],
    args: LinkArgs,
    asked: MetricsAsked = { pageRank: true, betweenness: true, community: true },
  ): Promise<NodeMetrics[]> {
    const { min, max } = LIMITS.metricsIds;
    if (ids.length < min || ids.length > max)
      throw new BadUserInputError(
        `ids must hold ${min} to ${max} node ids; got ${ids.length}.`,
        'ids',
      );
    const refs = ids.map((id, i) => {
      const ref = this.ref(id, `ids[${i}]`);
      if (ref.type === 'Document')
        throw new BadUserInputError(
          `ids[${i}] is a Document (${JSON.stringify(id.slice(0, 80))}): documents are sources, not nodes of the analytics.`,
          `ids[${i}]`,
        );
      return ref;
    });
    // Sorted and each once, so the same set of nodes is one cached answer whatever its order.
    const uuids = [...new Set(refs.map((r) => r.uuid))].sort();
    const rows = await this.answer<NodeMetricsRow[]>(ctx, args, { op: 'metrics', uuids, asked });
    const byUuid = new Map(rows.map((row) => [row.uuid, row]));
    return refs.flatMap((ref) => {
      const row = byUuid.get(ref.uuid);
      // An id whose type part names another type than the node's is not that node.
      if (!row || row.type !== ref.type) return [];
      return [
        {
          id: toGlobalId(ref.type, ref.uuid),
          degree: row.degree,
          pageRank: row.pageRank ?? 0,
          betweenness: row.betweenness ?? 0,
          community: row.community,
          country: row.country,
        },
      ];
    });
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
    // Codes as writes store them: upper case and existing ("fi" and "XX" are refused).
    const wanted = countries ?? [];
    for (const [i, code] of wanted.entries()) {
      const problem = countryProblem(code, `countries[${i}]`);
      if (problem) throw new BadUserInputError(problem, `countries[${i}]`);
    }
    if (wanted.length > 0 && by !== BrokerGrouping.COUNTRY)
      throw new BadUserInputError('countries applies when by is COUNTRY.', 'countries');
    const ranked = await this.answer<BrokerScore[]>(ctx, args, {
      op: 'brokers',
      by: by === BrokerGrouping.COMMUNITY ? 'COMMUNITY' : 'COUNTRY',
      candidates: [...this.labels(types, ['Person', 'Organisation'])].sort(),
      required: wanted,
      first,
    });
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

  /** The timeline as a connection: keyset pages forwards or backwards, one statement each. */
  async timelineEntries(
    ctx: Context,
    id: string,
    args: PageArgs,
  ): Promise<ConnectionShape<TimelineEntry>> {
    const { backward, size, cursor } = readPage<[string, string]>(
      args,
      ['string', 'string'],
      'timeline',
    );
    const ref = this.ref(id, 'id');
    if (!(ENTITY_LABELS as readonly string[]).includes(ref.type))
      throw new BadUserInputError('A timeline belongs to an entity, not an interaction.', 'id');
    const page = await this.repo.timelinePage(
      ref.uuid,
      cursor ? { key: cursor[0], tie: cursor[1] } : null,
      size + 1,
      backward,
      ctx.requestId,
    );
    if (page.total === 0) await this.mustExist(ctx, [ref], ['id']);
    const kept = page.rows.slice(0, size);
    const nodes = await this.nodes(
      ctx,
      kept.map((r) => r.node),
    );
    return toConnection(
      page.rows,
      size,
      page.total,
      kept.map((r) => {
        const node = nodes.get(r.node.uuid);
        return node ? { date: r.date, node, link: r.link, role: r.role } : null;
      }),
      (row) => [row.sortKey, row.tie],
      { backward, beyond: page.beyond, scope: 'timeline' },
    );
  }

  /**
   * Brings the default projection (and its communities, which exports use) up to the graph's
   * version, in the background of whoever calls it; never throws (a failure, BUSY included, is
   * retried next time). It takes its turn in the pool like any request.
   */
  async refresh(onError: (error: unknown) => void): Promise<void> {
    try {
      await this.answer(undefined, {}, { op: 'listing', first: 1, membersFirst: 1, minSize: 1 });
    } catch (error) {
      onError(error);
    }
  }

  /** The default projection's state: which graph version it reflects and what it cost. */
  async status(ctx: Context): Promise<AnalyticsStatus> {
    const version = await this.repo.graphVersion(ctx.requestId);
    const projection = this.projections.get(projectionKey(this.filter({})))?.built;
    return {
      graphVersion: version,
      projectionVersion: projection?.version ?? null,
      current: projection?.version === version,
      builtAt: projection?.builtAt.toISOString() ?? null,
      buildMs: projection?.buildMs ?? null,
      nodes: projection?.nodes ?? null,
      links: projection?.links ?? null,
    };
  }

  /** Every node's Louvain community on the default projection (exports add it to each node). */
  async communityOf(ctx: Context): Promise<Map<string, number>> {
    const { uuids, communities } = await this.answer<CommunityColumns>(
      ctx,
      {},
      {
        op: 'communityOf',
      },
    );
    const of = new Map<string, number>();
    uuids.forEach((uuid, i) => of.set(uuid, communities[i]!));
    return of;
  }

  /**
   * One answer computed in the worker holding the projection for these link arguments (built
   * first when the graph version moved). Identical concurrent asks share one run, and the last
   * few answers per projection are kept.
   */
  private async answer<T>(ctx: Context | undefined, args: LinkArgs, ask: Ask): Promise<T> {
    const filter = this.filter(args);
    const key = JSON.stringify(ask);
    for (let attempt = 1; ; attempt++) {
      const entry = await this.projection(ctx, filter);
      entry.users += 1;
      try {
        const handle = await entry.handle;
        let answer = handle.answers.get(key);
        if (answer) {
          // Most recently used last: the oldest answer is the first to go.
          handle.answers.delete(key);
          handle.answers.set(key, answer);
        } else {
          answer = this.workers().run(
            ({ slot }) => slot.call({ ...ask, id: handle.id } as Parameters<PoolSlot['call']>[0]),
            handle.slot,
          );
          handle.answers.set(key, answer);
          if (handle.answers.size > MAX_ANSWERS)
            handle.answers.delete(handle.answers.keys().next().value!);
          const asked = answer;
          asked.catch(() => {
            if (handle.answers.get(key) === asked) handle.answers.delete(key);
          });
        }
        return (await answer) as T;
      } catch (error) {
        // The projection went with its worker (a run on it was stopped): build it again once.
        if (attempt === 1 && entry.built && !held(entry.built)) continue;
        throw error;
      } finally {
        entry.users -= 1;
        if (entry.users === 0 && entry.forgotten) this.drop(entry);
      }
    }
  }

  /**
   * The cache entry of the projection for a link filter at the graph's version, its build
   * started in a worker when there is none. Synchronous after the version is read, so a caller
   * can mark itself as a user before anything else runs.
   */
  private async projection(ctx: Context | undefined, filter: LinkFilter): Promise<CacheEntry> {
    const key = projectionKey(filter);
    const version = await this.repo.graphVersion(ctx?.requestId);
    const cached = this.projections.get(key);
    if (cached?.version === version && (!cached.built || held(cached.built))) return cached;
    if (cached) this.forget(key, cached);
    this.evict();
    const entry: CacheEntry = {
      version,
      handle: this.build(filter, version, ctx?.requestId, ctx?.caller),
      users: 0,
    };
    this.projections.set(key, entry);
    entry.handle.then(
      (handle) => (entry.built = handle),
      () => {
        if (this.projections.get(key) === entry) this.projections.delete(key);
      },
    );
    return entry;
  }

  /**
   * Keeps at most MAX_PROJECTIONS: forgets the least recently built ones that are built and
   * idle (a projection still building or being asked is never pulled from under its callers;
   * the pool's bounds keep how many those can be small).
   */
  private evict(): void {
    for (const [key, entry] of this.projections) {
      if (this.projections.size < MAX_PROJECTIONS) return;
      if (entry.built && entry.users === 0) this.forget(key, entry);
    }
  }

  /**
   * Removes a projection from the cache. Its worker's memory is freed once it is built and no
   * request still asks it (one may be waiting for the worker: a version moved under it).
   */
  private forget(key: string, entry: CacheEntry): void {
    if (this.projections.get(key) === entry) this.projections.delete(key);
    entry.forgotten = true;
    if (entry.users === 0) this.drop(entry);
  }

  private drop(entry: CacheEntry): void {
    entry.handle.then(
      (handle) => {
        if (held(handle)) handle.slot.post({ op: 'drop', id: handle.id });
      },
      () => undefined,
    );
  }

  /**
   * Reads the projection's rows from Neo4j in batches on this thread (one driver per process)
   * and streams them to a worker, which builds the graph and keeps it.
   */
  private build(
    filter: LinkFilter,
    version: string,
    requestId: string | undefined,
    caller?: string,
  ): Promise<ProjectionHandle> {
    return this.workers().run(
      async ({ slot, stopped }) => {
        const id = this.nextProjection++;
        const generation = slot.generation;
        const going = (): void => {
          if (stopped()) throw new Error('the projection build was stopped');
        };
        try {
          await this.repo.project(
            filter,
            {
              begin: () => {
                going();
                slot.post({ op: 'drop', id });
                slot.post({ op: 'begin', id });
              },
              nodes: (nodes) => {
                going();
                slot.post({ op: 'nodes', id, nodes });
              },
              links: (from, to) => {
                going();
                slot.post({ op: 'links', id, from, to });
              },
            },
            { timeoutMs: this.limits.runSeconds * 1000, requestId },
          );
          const built = await slot.call<BuiltProjection>({ op: 'finish', id, version });
          return {
            ...built,
            id,
            slot,
            generation,
            version,
            builtAt: new Date(),
            answers: new Map(),
          };
        } catch (error) {
          if (!stopped()) slot.post({ op: 'drop', id });
          throw error;
        }
      },
      undefined,
      caller,
    );
  }

  private workers(): AnalyticsPool {
    this.pool ??= new AnalyticsPool(this.limits);
    return this.pool;
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

/** One projection per link types and window, whatever order the types were given in. */
function projectionKey(filter: LinkFilter): string {
  return JSON.stringify([[...filter.types].sort(), filter.window]);
}
