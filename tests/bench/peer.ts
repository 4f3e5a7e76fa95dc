/**
 * The peer of the HTTP benchmark: type definitions for @neo4j/graphql 7 (the Neo4j GraphQL
 * Library) over our own graph model, written the way a user of that library would: one @node
 * type per label (with the shared Entity / Interaction label), @relationship fields for the
 * relationship types, @relationshipProperties for role and dates, and @cypher where the library
 * has no plain mapping (full-text search, sorting by relationship count, case-insensitive name
 * order, shortest path, neighbourhood). Read-only: no mutations are generated (the import
 * benchmark has peer-server.ts drop that line: PEER_MUTATIONS).
 */
import { LINK_TYPES } from '../../src/modules/analytics/analytics.model';
import { DEGREE } from '../../src/modules/entity/entity-list.repository';
import {
  EVENT_KINDS,
  ORGANISATION_KINDS,
  PLACE_KINDS,
  PROJECT_STATUSES,
  PUBLICATION_KINDS,
} from '../../src/shared/model';

/**
 * The relationship types our paths and neighbourhoods walk by default: every link type but the
 * place links (mirrors DEFAULT_LINK_TYPES of the analytics service; mix.ts checks they agree).
 */
export const PEER_LINK_TYPES: readonly string[] = LINK_TYPES.filter(
  (t) => !['BASED_IN', 'HELD_IN', 'AUDIENCE_FROM'].includes(t),
);

const LINKS = PEER_LINK_TYPES.join('|');
// What the analytics walk through: entities but documents, and interaction nodes.
const GRAPH_NODE = (n: string): string =>
  `((${n}:Entity AND NOT ${n}:Document) OR ${n}:Interaction)`;

/** Our DEGREE of entity-list.repository.ts (the same typed count, read from the degree store). */
const CONNECTIONS = `RETURN ${DEGREE.replace('(n)', '(this)')} AS connections`;
/** Our NAME order sorts case-insensitively; the library sorts properties as stored. */
const NAME_KEY = 'RETURN toLower(this.name) AS nameKey';

const ENTITY_FIELDS = `
  id: ID!
  slug: String!
  name: String!
  aliasNames: [String!]
  aliasLanguages: [String!]
  description: String`;

const INTERACTION_FIELDS = `
  id: ID!
  slug: String!
  summary: String
  date: Date`;

const SORT_FIELDS = `
  connections: Int! @cypher(statement: "${CONNECTIONS}", columnName: "connections")
  nameKey: String! @cypher(statement: "${NAME_KEY}", columnName: "nameKey")`;

const ACTOR_LINKS = `
  participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Link")
  organised: [Event!]! @relationship(type: "ORGANISED", direction: OUT, properties: "Link")
  worksOn: [Project!]! @relationship(type: "WORKS_ON", direction: OUT, properties: "Link")
  basedIn: [Place!]! @relationship(type: "BASED_IN", direction: OUT)
  invitationsSent: [Invitation!]! @relationship(type: "EXTENDED", direction: OUT)
  invitationsReceived: [Invitation!]! @relationship(type: "INVITES", direction: IN)
  presentations: [Presentation!]! @relationship(type: "GAVE", direction: OUT)`;

// Ends are entities (what the mix asks for), so the id lookups use the Entity id constraint.
// The same bidirectional shortestPath() our API sends: the peer gets the faster Cypher too, so
// the comparison is of the layers, not of two ways to write the path search.
const SHORTEST_PATH = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:${LINKS}*1..6]-(b))
WHERE all(n IN nodes(p) WHERE ${GRAPH_NODE('n')})
UNWIND nodes(p) AS node
RETURN node`;

const NEIGHBOURHOOD = `
MATCH (c:Entity {id: $id})
OPTIONAL MATCH (c)((x)-[:${LINKS}]-(y) WHERE ${GRAPH_NODE('y')}){1,2}(z)
WITH c, collect(DISTINCT z) AS found
UNWIND [c] + [z IN found WHERE z <> c] AS node
RETURN node`;

// The same ranking our API makes (an exact name or alias first, then by score), so that the
// answers agree and the comparison is of the layers.
const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates}) YIELD node, score
WITH node, score, [name IN [node.name] + coalesce(node.aliasNames, []) | normalize(name, NFD)] AS names
WITH node, score, CASE WHEN NOT any(name IN names WHERE name =~ $loose) THEN 0
                       WHEN any(name IN names WHERE name =~ $exact) THEN 2 ELSE 1 END AS fit
RETURN node ORDER BY fit DESC, score DESC, node.name LIMIT $first`;

export const PEER_TYPE_DEFS = /* GraphQL */ `
extend schema @mutation(operations: [])

enum OrganisationKind { ${ORGANISATION_KINDS.join(' ')} }
enum EventKind { ${EVENT_KINDS.join(' ')} }
enum PlaceKind { ${PLACE_KINDS.join(' ')} }
enum ProjectStatus { ${PROJECT_STATUSES.join(' ')} }
enum PublicationKind { ${PUBLICATION_KINDS.join(' ')} }

"Role and period of a relationship between entities."
type Link @relationshipProperties {
  role: String
  startDate: Date
  endDate: Date
}

interface Entity {${ENTITY_FIELDS}
}

interface Interaction {${INTERACTION_FIELDS}
}

union GraphNode = Organisation | Person | Event | Project | Publication | Place | Topic | Award | Document | Invitation | Presentation | Proposal | Question

type Organisation implements Entity @node(labels: ["Organisation", "Entity"]) {${ENTITY_FIELDS}
  kind: OrganisationKind!
  country: String
  foundedYear: Int
  website: String${SORT_FIELDS}${ACTOR_LINKS}
  affiliatedWith: [Organisation!]! @relationship(type: "AFFILIATED_WITH", direction: OUT, properties: "Link")
  members: [Entity!]! @relationship(type: "AFFILIATED_WITH", direction: IN, properties: "Link")
  partOf: [Organisation!]! @relationship(type: "PART_OF", direction: OUT, properties: "Link")
}

type Person implements Entity @node(labels: ["Person", "Entity"]) {${ENTITY_FIELDS}${SORT_FIELDS}${ACTOR_LINKS}
  affiliations: [Organisation!]! @relationship(type: "AFFILIATED_WITH", direction: OUT, properties: "Link")
}

# No startsAt/endsAt: the library projects every DateTime through apoc.date.convertFormat.
type Event implements Entity @node(labels: ["Event", "Entity"]) {${ENTITY_FIELDS}
  kind: EventKind!
  startDate: Date
  endDate: Date
  edition: Int
  participantsAtLeast: Int
  website: String${SORT_FIELDS}
  place: [Place!]! @relationship(type: "HELD_IN", direction: OUT)
  partOf: [Event!]! @relationship(type: "PART_OF", direction: OUT, properties: "Link")
  parts: [Event!]! @relationship(type: "PART_OF", direction: IN, properties: "Link")
  organisers: [Entity!]! @relationship(type: "ORGANISED", direction: IN, properties: "Link")
  participants: [Entity!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Link")
  presentations: [Presentation!]! @relationship(type: "AT", direction: IN)
  proposals: [Proposal!]! @relationship(type: "AT", direction: IN)
  questions: [Question!]! @relationship(type: "AT", direction: IN)
}

type Project implements Entity @node(labels: ["Project", "Entity"]) {${ENTITY_FIELDS}
  status: ProjectStatus!
  startYear: Int
  endYear: Int
  programme: String
  website: String
  about: [Entity!]! @relationship(type: "ABOUT", direction: OUT)
}

type Publication implements Entity @node(labels: ["Publication", "Entity"]) {${ENTITY_FIELDS}
  kind: PublicationKind!
  date: Date
  url: String
}

type Place implements Entity @node(labels: ["Place", "Entity"]) {${ENTITY_FIELDS}
  kind: PlaceKind!
  country: String
  partOf: [Place!]! @relationship(type: "PART_OF", direction: OUT, properties: "Link")
}

type Topic implements Entity @node(labels: ["Topic", "Entity"]) {${ENTITY_FIELDS}
}

type Award implements Entity @node(labels: ["Award", "Entity"]) {${ENTITY_FIELDS}
  year: Int
}

type Document implements Entity @node(labels: ["Document", "Entity"]) {${ENTITY_FIELDS}
  title: String!
  language: String!
  date: Date
  url: String
}

type Invitation implements Interaction @node(labels: ["Invitation", "Interaction"]) {${INTERACTION_FIELDS}
  inviteeNote: String
  inviter: [Entity!]! @relationship(type: "EXTENDED", direction: IN)
  invitees: [Entity!]! @relationship(type: "INVITES", direction: OUT)
  target: [Entity!]! @relationship(type: "TO", direction: OUT)
  onBehalfOf: [Organisation!]! @relationship(type: "ON_BEHALF_OF", direction: OUT)
}

type Presentation implements Interaction @node(labels: ["Presentation", "Interaction"]) {${INTERACTION_FIELDS}
  presenters: [Entity!]! @relationship(type: "GAVE", direction: IN)
  event: [Event!]! @relationship(type: "AT", direction: OUT)
  subjects: [Entity!]! @relationship(type: "ABOUT", direction: OUT)
  onBehalfOf: [Organisation!]! @relationship(type: "ON_BEHALF_OF", direction: OUT)
}

type Proposal implements Interaction @node(labels: ["Proposal", "Interaction"]) {${INTERACTION_FIELDS}
  proposers: [Entity!]! @relationship(type: "PUT_FORWARD", direction: IN)
  event: [Event!]! @relationship(type: "AT", direction: OUT)
  subjects: [Entity!]! @relationship(type: "ABOUT", direction: OUT)
}

type Question implements Interaction @node(labels: ["Question", "Interaction"]) {${INTERACTION_FIELDS}
  answer: String
  askers: [Entity!]! @relationship(type: "ASKED", direction: IN)
  event: [Event!]! @relationship(type: "AT", direction: OUT)
  subjects: [Entity!]! @relationship(type: "ABOUT", direction: OUT)
}

type Query {
  "Names and aliases through the full-text index entity_names; lucene, exact and loose are ready."
  searchEntities(lucene: String!, exact: String!, loose: String!, candidates: Int!, first: Int!): [Entity!]!
    @cypher(statement: """${SEARCH}""", columnName: "node")
  "The nodes of one shortest walk (at most 6 steps) over the collaboration links, in walk order."
  shortestPath(from: ID!, to: ID!): [GraphNode!]!
    @cypher(statement: """${SHORTEST_PATH}""", columnName: "node")
  "A node and everything within two steps of it over the collaboration links."
  neighbourhood(id: ID!): [GraphNode!]!
    @cypher(statement: """${NEIGHBOURHOOD}""", columnName: "node")
}
`;
