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
import { effectiveEnd, effectiveStart } from '../event/event.effective';

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

/**
 * The dates of an event or interaction node as [start, end], or null for other nodes and for
 * an event or interaction without any date. An event's are its effective days (stated, else its
 * parts': see event.effective.ts); without a last day it lasts its first. (The comprehension
 * binds the pair once, so the event's days are computed once.)
 */
const nodePeriod = (n: string): string =>
  `[np_p IN [CASE WHEN ${n}:Interaction THEN [${n}.date, ${n}.date]
        WHEN ${n}:Event THEN [${effectiveStart(n)}, coalesce(${effectiveEnd(n)}, ${effectiveStart(n)})]
   END] WHERE np_p[0] IS NOT NULL OR np_p[1] IS NOT NULL][0]`;

/**
 * The period of relationship `r` between the nodes bound to `x` and `y`, as [first day, last
 * day]: its own startDate/endDate when either is set (an open end stays null), else the dates of
 * the event or interaction it points to, else of the one it starts at; null when undated. It
 * depends on the stored direction only, never on the order a walk meets the ends in, so walks,
 * subgraphs, projections and the exposed startDate/endDate agree on one period per link.
 * `ends`: 'stored' when x is the start node and y the end node (a shorter statement), 'either'
 * when a walk binds them in its own order. Variable names come from our code, never from input.
 */
export function linkPeriod(
  r: string,
  x: string,
  y: string,
  ends: 'stored' | 'either' = 'either',
): string {
  const own = `${r}.startDate IS NOT NULL OR ${r}.endDate IS NOT NULL THEN [${r}.startDate, ${r}.endDate]`;
  return ends === 'stored'
    ? `CASE WHEN ${own} ELSE coalesce(${nodePeriod(y)}, ${nodePeriod(x)}) END`
    : `CASE WHEN ${own}
      WHEN startNode(${r}) = ${x} THEN coalesce(${nodePeriod(y)}, ${nodePeriod(x)})
      ELSE coalesce(${nodePeriod(x)}, ${nodePeriod(y)}) END`;
}

/**
 * True when a period (a linkPeriod, or a variable holding one) overlaps the window ($windowed,
 * $windowFrom, $windowTo, $includeUndated); an undated one passes when $includeUndated.
 */
export function periodInWindow(period: string): string {
  return `(NOT $windowed OR any(p IN [${period}] WHERE
    CASE WHEN p IS NULL OR (p[0] IS NULL AND p[1] IS NULL) THEN $includeUndated
    ELSE (p[0] IS NULL OR $windowTo IS NULL OR p[0] <= date($windowTo))
     AND (p[1] IS NULL OR $windowFrom IS NULL OR p[1] >= date($windowFrom)) END))`;
}

/** True when relationship `r` between `x` and `y` falls in the window: see linkPeriod. */
export function linkInWindow(
  r: string,
  x: string,
  y: string,
  ends: 'stored' | 'either' = 'either',
): string {
  return periodInWindow(linkPeriod(r, x, y, ends));
}

/** Nodes the analytics walk through: entities but documents, and interaction nodes. */
export const isGraphNode = (n: string): string =>
  `((${n}:Entity AND NOT ${n}:Document) OR ${n}:Interaction)`;

/**
 * Clauses that find a node's country: its own `country`, else the country of a place it is
 * based or held in, else of an organisation it is affiliated with (smallest code when several).
 * Binds `country`; follow with RETURN or WITH.
 */
export const countryOf = (n: string): string => `
OPTIONAL CALL (${n}) {
  MATCH (${n})-[:BASED_IN|HELD_IN]->(p:Place) WHERE p.country IS NOT NULL
  RETURN p.country AS placeCountry ORDER BY placeCountry LIMIT 1
}
OPTIONAL CALL (${n}) {
  MATCH (${n})-[:AFFILIATED_WITH]->(o:Organisation) WHERE o.country IS NOT NULL
  RETURN o.country AS orgCountry ORDER BY orgCountry LIMIT 1
}
WITH *, coalesce(${n}.country, placeCountry, orgCountry) AS country`;

/** The node's own label (Organisation, Invitation ...) out of its label list. */
export const typeOf = (n: string): string =>
  `[l IN labels(${n}) WHERE NOT l IN ['Entity', 'Interaction']][0]`;
