/**
 * Exports: reads the query string into a filter (types, link types, date window, the
 * neighbourhood of an id), adds each node's community from the analytics projection, and feeds
 * the rows through a format writer to a sink that applies backpressure.
 */
import { BadUserInputError } from '../../shared/errors';
import { DateScalar } from '../../shared/scalars';
import { NODE_TYPES, toGlobalId, type NodeType } from '../../shared/global-id';
import type { Context } from '../request/context';
import { LINK_TYPES, type DateWindow } from '../analytics/analytics.model';
import { LIMITS, type AnalyticsService } from '../analytics/analytics.service';
import { RELATIONSHIP_TYPES } from '../../shared/model';
import { EXPORT_FILES, type FormatWriter } from '../../shared/graph-formats';
import type { ExportFilter, ExportRepository } from './export.repository';

export type Query = Record<string, string | undefined>;

const ALL_TYPES = [...new Set<string>([...RELATIONSHIP_TYPES, ...LINK_TYPES])];

function list(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === '') return null;
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function flag(query: Query, name: string, fallback: boolean): boolean {
  const value = query[name];
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new BadUserInputError(`${name} is true or false; got ${JSON.stringify(value)}.`, name);
}

export class ExportService {
  constructor(
    private readonly repo: ExportRepository,
    private readonly analytics: AnalyticsService,
  ) {}

  /** The writer for a file name, or undefined when there is no such export. */
  writer(file: string): FormatWriter | undefined {
    return Object.hasOwn(EXPORT_FILES, file) ? EXPORT_FILES[file]!() : undefined;
  }

  /** Checks the whole query string before anything is sent; throws BadUserInputError. */
  async filter(ctx: Context, query: Query): Promise<ExportFilter> {
    const known = [
      'types',
      'linkTypes',
      'from',
      'to',
      'includeUndated',
      'around',
      'depth',
      'limit',
      'community',
    ];
    const unknown = Object.keys(query).find((k) => !known.includes(k));
    if (unknown !== undefined)
      throw new BadUserInputError(
        `Unknown parameter ${JSON.stringify(unknown)}; known: ${known.join(', ')}.`,
        unknown,
      );
    const labels =
      list(query.types)?.map((t) => {
        const label = NODE_TYPES.find((n) => n.toLowerCase() === t.toLowerCase());
        if (!label)
          throw new BadUserInputError(
            `types: ${JSON.stringify(t)} is not one of ${NODE_TYPES.join(', ')}.`,
            'types',
          );
        return label;
      }) ?? null;
    const linkTypes =
      list(query.linkTypes)?.map((t) => {
        const type = ALL_TYPES.find((n) => n === t.toUpperCase());
        if (!type)
          throw new BadUserInputError(
            `linkTypes: ${JSON.stringify(t)} is not one of ${ALL_TYPES.join(', ')}.`,
            'linkTypes',
          );
        return type;
      }) ?? null;
    const window = this.window(query);
    // The neighbourhood's bounds: checked whether or not around is given, then refused without
    // it (they would silently do nothing: the whole graph is exported).
    const depth = this.integer(query, 'depth', 1, LIMITS.depth);
    const limit = this.integer(query, 'limit', LIMITS.nodeCap.max, LIMITS.nodeCap);
    if (query.around === undefined)
      for (const name of ['depth', 'limit'])
        if (query[name] !== undefined)
          throw new BadUserInputError(
            `${name} applies only with around=<id> (the neighbourhood exported); without around the whole graph is.`,
            name,
          );
    let uuids: string[] | null = null;
    if (query.around !== undefined) {
      uuids = await this.analytics.neighbourhoodIds(
        ctx,
        query.around,
        depth,
        limit,
        {
          linkTypes:
            linkTypes?.filter((t): t is (typeof LINK_TYPES)[number] =>
              (LINK_TYPES as readonly string[]).includes(t),
            ) ?? null,
          window,
        },
        'around',
      );
    }
    return { labels, linkTypes, window, uuids };
  }

  /** Streams one export; `community` adds each node's Louvain community (default on). */
  async run(
    ctx: Context,
    writer: FormatWriter,
    filter: ExportFilter,
    withCommunity: boolean,
    send: (text: string) => Promise<void>,
  ): Promise<void> {
    const communities =
      withCommunity && writer.parts.nodes ? await this.analytics.communityOf(ctx) : null;
    let edgeNumber = 0;
    let inEdges = false;
    // Global ids are base64 of type and uuid: computed once per node, not once per link end.
    const ids = new Map<string, string>();
    const globalId = (type: string, uuid: string): string => {
      let id = ids.get(uuid);
      if (id === undefined) {
        id = toGlobalId(type as NodeType, uuid);
        ids.set(uuid, id);
      }
      return id;
    };
    await send(writer.begin() + (writer.beginNodes?.() ?? ''));
    await this.repo.stream(
      filter,
      writer.parts,
      (nodes) =>
        send(
          nodes
            .map((n) =>
              writer.node({
                id: globalId(n.type, n.uuid),
                uuid: n.uuid,
                type: n.type,
                label: n.name,
                kind: n.kind,
                country: n.country,
                startDate: n.startDate,
                endDate: n.endDate,
                community: communities?.get(n.uuid) ?? null,
                aliases: n.aliases,
              }),
            )
            .join(''),
        ),
      (edges) => {
        const prefix = inEdges ? '' : (writer.beginEdges?.() ?? '');
        inEdges = true;
        return send(
          prefix +
            edges
              .map((e) =>
                writer.edge({
                  id: `e${edgeNumber++}`,
                  source: globalId(e.sourceType, e.source),
                  target: globalId(e.targetType, e.target),
                  type: e.type,
                  role: e.role,
                  startDate: e.startDate,
                  endDate: e.endDate,
                  evidenceCount: e.evidenceCount,
                }),
              )
              .join(''),
        );
      },
      ctx.requestId,
    );
    await send((inEdges ? '' : (writer.beginEdges?.() ?? '')) + writer.end());
  }

  withCommunity(query: Query): boolean {
    return flag(query, 'community', true);
  }

  private window(query: Query): DateWindow | null {
    for (const name of ['from', 'to'] as const) {
      const value = query[name];
      if (value === undefined) continue;
      try {
        DateScalar.parseValue(value);
      } catch (error) {
        throw new BadUserInputError(`${name}: ${(error as Error).message}`, name);
      }
    }
    const from = query.from ?? null;
    const to = query.to ?? null;
    if (from && to && from > to)
      throw new BadUserInputError(`from (${from}) is after to (${to}).`, 'from');
    const includeUndated = flag(query, 'includeUndated', true);
    return from === null && to === null ? null : { from, to, includeUndated };
  }

  /** A bounded whole number (digits only: no sign, point, exponent or space), or the fallback. */
  private integer(
    query: Query,
    name: string,
    fallback: number,
    { min, max }: { min: number; max: number },
  ): number {
    const value = query[name];
    if (value === undefined) return fallback;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) {
      const shown =
        value.length > 20 ? `${JSON.stringify(value.slice(0, 20))}...` : JSON.stringify(value);
      throw new BadUserInputError(
        `${name} must be a whole number from ${min} to ${max}; got ${shown}.`,
        name,
      );
    }
    return n;
  }
}
