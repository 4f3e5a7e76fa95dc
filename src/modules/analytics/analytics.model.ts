/**
 * What the analytics see of the graph: the relationship types that count as links (everything
 * but provenance: MENTIONS and evidence SOURCE), the node labels that take part (entities but
 * Document, and interaction nodes), and the Cypher fragment that tells whether a link falls in a
 * date window. Shared by paths, neighbourhoods, projections and exports so they agree.
 */
import {
  INTERACTION_PARTIES,
  RELATIONSHIP_TYPES,
  type InteractionLinkType,
  type RelationshipType,
} from '../../shared/model';

export type LinkType = Exclude<RelationshipType, 'MENTIONS'> | InteractionLinkType;

/** Link types in the order analysts see them: entity relationships, then interaction links. */
export const LINK_TYPES: readonly LinkType[] = [
  ...RELATIONSHIP_TYPES.filter((t): t is Exclude<RelationshipType, 'MENTIONS'> => t !== 'MENTIONS'),
  ...(Object.keys(INTERACTION_PARTIES) as InteractionLinkType[]).filter(
    (t) => !(RELATIONSHIP_TYPES as readonly string[]).includes(t),
  ),
];

/** A date window; either end may be open. Undated links are kept unless includeUndated is false. */
export interface DateWindow {
  from: string | null;
  to: string | null;
  includeUndated: boolean;
}

/** The Cypher parameters of a window (always present, so every statement stays one plan). */
export function windowParams(window: DateWindow | null | undefined): Record<string, unknown> {
  return {
    windowed: Boolean(window && (window.from !== null || window.to !== null)),
    windowFrom: window?.from ?? null,
    windowTo: window?.to ?? null,
    includeUndated: window?.includeUndated ?? true,
  };
}

/** The dates of an event or interaction node as [start, end], or null for other nodes. */
const nodePeriod = (n: string): string =>
  `CASE WHEN ${n}:Interaction THEN [${n}.date, ${n}.date]
        WHEN ${n}:Event THEN [coalesce(${n}.startDate, date(${n}.startsAt)),
                              coalesce(${n}.endDate, date(${n}.endsAt), ${n}.startDate, date(${n}.startsAt))]
   END`;

/**
 * True when relationship `r` between `x` and `y` falls in the window ($windowed, $windowFrom,
 * $windowTo, $includeUndated). Its period is its own startDate/endDate (an open end stays open),
 * else the dates of the event or interaction at either end; with neither it is undated.
 * Variable names come from our code, never from input.
 */
export function linkInWindow(r: string, x: string, y: string): string {
  const period = `CASE WHEN ${r}.startDate IS NOT NULL OR ${r}.endDate IS NOT NULL
      THEN [${r}.startDate, ${r}.endDate]
      ELSE coalesce(${nodePeriod(y)}, ${nodePeriod(x)}) END`;
  return `(NOT $windowed OR any(p IN [${period}] WHERE
    CASE WHEN p IS NULL OR (p[0] IS NULL AND p[1] IS NULL) THEN $includeUndated
    ELSE (p[0] IS NULL OR $windowTo IS NULL OR p[0] <= date($windowTo))
     AND (p[1] IS NULL OR $windowFrom IS NULL OR p[1] >= date($windowFrom)) END))`;
}

/** Nodes the analytics walk through: entities but documents, and interaction nodes. */
export const isGraphNode = (n: string): string =>
  `((${n}:Entity AND NOT ${n}:Document) OR ${n}:Interaction)`;
