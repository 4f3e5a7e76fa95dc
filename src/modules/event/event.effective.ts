/**
 * Facts along PART_OF, as Cypher fragments: an event without a place is held where the event it
 * is part of is held (up the chain, to the nearest event that states a place), and an event
 * without a first or last day spans its parts' (down the chain: the earliest start and the
 * latest end among the nearest parts that state one). An event held in a place is also held in
 * every place that place is part of (PART_OF between places, any depth): the `heldIn` filter.
 * Stated values always win; nothing here writes. The one definition used by the `events` filters and order, the Event.effective*
 * fields, the analytics' date windows and the exports, so that they all agree.
 *
 * The chains are quantified path patterns, which never repeat a relationship: a PART_OF cycle
 * (no write refuses one) ends the walk instead of hanging it. Variable names are ours, prefixed
 * so that they do not capture a caller's variables inside subqueries.
 */

/** An event's own first day: its startDate, else the day of its startsAt. */
export const statedStart = (n: string): string => `coalesce(${n}.startDate, date(${n}.startsAt))`;

/** An event's own last day: its endDate, else the day of its endsAt. */
export const statedEnd = (n: string): string => `coalesce(${n}.endDate, date(${n}.endsAt))`;

const hasStart = (n: string): string => `(${n}.startDate IS NOT NULL OR ${n}.startsAt IS NOT NULL)`;
const noStart = (n: string): string => `${n}.startDate IS NULL AND ${n}.startsAt IS NULL`;
const hasEnd = (n: string): string => `(${n}.endDate IS NOT NULL OR ${n}.endsAt IS NOT NULL)`;
const noEnd = (n: string): string => `${n}.endDate IS NULL AND ${n}.endsAt IS NULL`;

/**
 * The parts `d` of `n` (at any depth) that state a first day, reached through parts that do
 * not: the parts whose start `n` spans. `path` names the walk when given.
 */
export const startingParts = (n: string, d: string, path = ''): string =>
  `${path ? `${path} = ` : ''}(${n})(()<-[:PART_OF]-(ef_s:Event WHERE ${noStart('ef_s')}))*()<-[:PART_OF]-(${d}:Event WHERE ${hasStart(d)})`;

/** The same for last days. */
export const endingParts = (n: string, d: string, path = ''): string =>
  `${path ? `${path} = ` : ''}(${n})(()<-[:PART_OF]-(ef_e:Event WHERE ${noEnd('ef_e')}))*()<-[:PART_OF]-(${d}:Event WHERE ${hasEnd(d)})`;

/**
 * The events `a` that `n` is part of (at any depth) and that state a place, reached through
 * events that state none: where `n` is held when it states no place itself.
 */
export const placedWholes = (n: string, a: string, path = ''): string =>
  `${path ? `${path} = ` : ''}(${n})(()-[:PART_OF]->(ef_p:Event WHERE NOT EXISTS { (ef_p)-[:HELD_IN]->(:Place) }))*()-[:PART_OF]->(${a}:Event WHERE EXISTS { (${a})-[:HELD_IN]->(:Place) })`;

/** The earliest first day of the parts `n` spans (null without any); for undated events only. */
const derivedStart = (n: string): string =>
  `COLLECT { MATCH ${startingParts(n, 'ef_d')} RETURN min(${statedStart('ef_d')}) }[0]`;

/** The latest last day of the parts `n` spans (null without any); for events without an end. */
const derivedEnd = (n: string): string =>
  `COLLECT { MATCH ${endingParts(n, 'ef_d')} RETURN max(${statedEnd('ef_d')}) }[0]`;

/**
 * An event's effective first day as an expression: stated, else derived. The subquery of the
 * derived branch runs for every row it is evaluated on, so filters use `startsOnOrAfter` and
 * `startsOnOrBefore` instead, which Neo4j runs only for events without a stated start.
 */
export const effectiveStart = (n: string): string =>
  `CASE WHEN ${hasStart(n)} THEN ${statedStart(n)} ELSE ${derivedStart(n)} END`;

/** An event's effective last day as an expression: stated, else derived. */
export const effectiveEnd = (n: string): string =>
  `CASE WHEN ${hasEnd(n)} THEN ${statedEnd(n)} ELSE ${derivedEnd(n)} END`;

/**
 * True when event `n` effectively starts on or after `day` (a Cypher date expression): its
 * stated start does, or it states none and the earliest start of the parts it spans does. The
 * derived branch is one EXISTS whose first condition is on `n` alone: Neo4j then walks the parts
 * only for events without a stated start (as `A OR (B AND EXISTS ...)` it distributed the OR and
 * walked them for every event failing A).
 */
export const startsOnOrAfter = (n: string, day: string): string =>
  `(${statedStart(n)} >= ${day} OR EXISTS { MATCH ${startingParts(n, 'ef_d')} WHERE ${noStart(n)} WITH min(${statedStart('ef_d')}) AS ef_first WHERE ef_first >= ${day} RETURN ef_first })`;

/** True when event `n` effectively starts on or before `day`: stated, or some part it spans does. */
export const startsOnOrBefore = (n: string, day: string): string =>
  `(${statedStart(n)} <= ${day} OR EXISTS { MATCH ${startingParts(n, 'ef_d')} WHERE ${noStart(n)} AND ${statedStart('ef_d')} <= ${day} })`;

/**
 * The places `p` within the place whose id is `placeId` (a Cypher expression), at any depth
 * along PART_OF between places, and that place itself.
 */
const placesWithin = (placeId: string, p: string): string =>
  `(:Entity {id: ${placeId}})(()<-[:PART_OF]-(:Place))*(${p}:Place)`;

/**
 * The events `e` effectively held in place `p`, as a pattern: those that state it, and the
 * parts (at any depth) of those, down through parts that state no place.
 */
const heldInPlace = (p: string, e: string): string =>
  `(${p})<-[:HELD_IN]-(:Event)(()<-[:PART_OF]-(ef_h:Event WHERE NOT EXISTS { (ef_h)-[:HELD_IN]->(:Place) }))*(${e})`;

/**
 * Clauses binding `n` (and nothing else: they start a statement) to each event effectively held
 * in the place whose id is `placeId` (a Cypher expression) or in any place within it, once: it
 * states such a place, or it states none and an event it is part of, the nearest stating one
 * along a chain, does. "Held in Russia" includes what is held in St Petersburg, part of Russia.
 * Walked from the place down (one index lookup, the places within it, each once, then the
 * events held there and their parts): as a predicate on every event of a list it was a walk per
 * event (on a 5,000-node graph, the St Petersburg question went from 177 to 20,000 database
 * hits). Both walks are quantified path patterns, so a PART_OF cycle among places ends them.
 */
export const eventsHeldIn = (placeId: string, n: string): string =>
  `MATCH ${placesWithin(placeId, 'ef_w')}
WITH DISTINCT ef_w
MATCH ${heldInPlace('ef_w', n)}
WITH DISTINCT ${n}`;
