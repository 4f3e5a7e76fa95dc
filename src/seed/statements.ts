/**
 * The Cypher that writes plan records (nodes, relationships, interactions, their links), shared
 * by the seed writer and the generated-graph loader: both MERGE on stable ids, so writing twice
 * changes nothing. Labels and types are interpolated only from the closed lists of
 * src/shared/model.ts; every value is a parameter. Each returns `written`, the rows it wrote.
 */

/** Union of two id lists, keeping order: evidence that several sources (or API writes) give. */
export const UNION_EVIDENCE = (target: string, param: string): string =>
  `${target}.evidenceIds = coalesce(${target}.evidenceIds, []) + [evId IN ${param} WHERE NOT evId IN coalesce(${target}.evidenceIds, [])]`;

export const writeNodes = (label: string): string => /* cypher */ `
UNWIND $nodes AS n
MERGE (x:Entity:${label} {id: n.id})
ON CREATE SET x.createdAt = datetime(), x.updatedAt = datetime()
SET x += n.props, x.slug = n.slug,
    x.startDate = date(n.dates.startDate), x.endDate = date(n.dates.endDate), x.date = date(n.dates.date),
    x.startsAt = datetime(n.dateTimes.startsAt), x.endsAt = datetime(n.dateTimes.endsAt),
    ${UNION_EVIDENCE('x', 'n.evidenceIds')}
RETURN count(*) AS written`;

export const writeRelationships = (type: string): string => /* cypher */ `
UNWIND $rels AS r
MATCH (a:Entity {id: r.fromId})
MATCH (b:Entity {id: r.toId})
MERGE (a)-[rel:${type}]->(b)
SET rel.role = coalesce(r.role, rel.role),
    rel.startDate = coalesce(date(r.startDate), rel.startDate), rel.endDate = coalesce(date(r.endDate), rel.endDate),
    ${UNION_EVIDENCE('rel', 'r.evidenceIds')}
RETURN count(*) AS written`;

export const writeInteractions = (label: string): string => /* cypher */ `
UNWIND $items AS i
MERGE (x:Interaction:${label} {id: i.id})
ON CREATE SET x.createdAt = datetime(), x.updatedAt = datetime()
SET x += i.props, x.slug = i.slug, x.date = date(i.date), ${UNION_EVIDENCE('x', 'i.evidenceIds')}
RETURN count(*) AS written`;

/** Actor links point at the interaction (entity -> interaction), the others away from it. */
export const writeLinks = (type: string, outgoing: boolean): string => /* cypher */ `
UNWIND $links AS l
MATCH (x:Interaction {id: l.interactionId})
MATCH (e:Entity {id: l.entityId})
MERGE ${outgoing ? `(x)-[:${type}]->(e)` : `(e)-[:${type}]->(x)`}
RETURN count(*) AS written`;
