/** The GraphQL the explorer sends: nothing but the public API's own fields. */

/** What the canvas needs of any node: a label, a type, a date, a country. */
const NODE = /* GraphQL */ `
  fragment ExplorerNode on Node {
    __typename
    id
    ... on Entity {
      name
      type
    }
    ... on Organisation {
      country
    }
    ... on Place {
      country
    }
    ... on Event {
      effectiveStartDate
    }
    ... on Invitation {
      date
      summary
    }
    ... on Presentation {
      date
      summary
    }
    ... on Proposal {
      date
      summary
    }
    ... on Question {
      date
      summary
    }
  }
`;

const EVIDENCE = /* GraphQL */ `
  fragment ExplorerEvidence on Evidence {
    kind
    confidence
    quote
    language
    translation
    url
    note
    assertedBy
    document {
      id
      title
      titleTranslation
      date
      url
      language
    }
  }
`;

export const SEARCH = /* GraphQL */ `
  query ExplorerSearch($query: String!) {
    search(
      query: $query
      first: 8
      types: [ORGANISATION, PERSON, EVENT, PROJECT, PUBLICATION, PLACE, TOPIC, AWARD]
    ) {
      matched
      entity {
        ...ExplorerNode
      }
    }
  }
  ${NODE}
`;

/** Nodes by id, null for those the graph does not hold: one aliased node(id:) field each. */
export function nodesQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$i${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `n${i}: node(id: $i${i}) { ...ExplorerNode }`,
  );
  return `query ExplorerNodes(${variables}) {\n  ${fields.join('\n  ')}\n}\n${NODE}`;
}

export const START = /* GraphQL */ `
  query ExplorerStart {
    organisations(first: 1, orderBy: MOST_CONNECTED) {
      edges {
        node {
          id
        }
      }
    }
  }
`;

/** A neighbourhood's nodes, links or both (`nodes`, `edges`: which parts to ask for). */
export const neighbourhoodQuery = (parts: {
  nodes: boolean;
  edges: boolean;
}): string => /* GraphQL */ `
  query ExplorerNeighbourhood(
    $id: ID!
    $depth: Int!
    $limit: Int!
    $linkTypes: [LinkType!]
    $types: [EntityType!]
  ) {
    neighbourhood(id: $id, depth: $depth, limit: $limit, linkTypes: $linkTypes, types: $types) {
      truncated
      ${parts.nodes ? 'nodes { ...ExplorerNode }' : ''}
      ${parts.edges ? 'edges { source target type role startDate endDate }' : ''}
    }
  }
  ${parts.nodes ? NODE : ''}
`;

export const PATHS = /* GraphQL */ `
  query ExplorerPaths($from: ID!, $to: ID!, $k: Int!) {
    shortestPaths(from: $from, to: $to, k: $k) {
      length
      nodes {
        ...ExplorerNode
      }
      steps {
        from
        to
        type
        role
        reversed
        startDate
        endDate
        evidence {
          ...ExplorerEvidence
        }
      }
    }
  }
  ${NODE}
  ${EVIDENCE}
`;

/** The relationships between two nodes, each with its evidence: the paths of one step. */
export const LINKS_BETWEEN = /* GraphQL */ `
  query ExplorerLinks($from: ID!, $to: ID!) {
    shortestPaths(from: $from, to: $to, k: 10, maxHops: 1) {
      steps {
        from
        to
        type
        role
        evidence {
          ...ExplorerEvidence
        }
      }
    }
  }
  ${EVIDENCE}
`;

const ENTITY_LINE = /* GraphQL */ `
  fragment ExplorerEntityLine on Entity {
    id
    name
    type
  }
`;

export const DETAILS = /* GraphQL */ `
  query ExplorerDetails($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        name
        type
        slug
        description
        aliases {
          name
          language
        }
        evidence {
          ...ExplorerEvidence
        }
      }
      ... on Organisation {
        country
        kind
      }
      ... on Event {
        effectiveStartDate
        effectiveEndDate
      }
      ... on Invitation {
        date
        summary
        inviter {
          ...ExplorerEntityLine
        }
        invitees {
          ...ExplorerEntityLine
        }
        inviteeNote
        onBehalfOf {
          ...ExplorerEntityLine
        }
        target {
          ...ExplorerEntityLine
        }
        evidence {
          ...ExplorerEvidence
        }
      }
      ... on Presentation {
        date
        summary
        presenters {
          ...ExplorerEntityLine
        }
        subjects {
          ...ExplorerEntityLine
        }
        event {
          ...ExplorerEntityLine
        }
        evidence {
          ...ExplorerEvidence
        }
      }
      ... on Proposal {
        date
        summary
        proposers {
          ...ExplorerEntityLine
        }
        subjects {
          ...ExplorerEntityLine
        }
        event {
          ...ExplorerEntityLine
        }
        evidence {
          ...ExplorerEvidence
        }
      }
      ... on Question {
        date
        summary
        answer
        askers {
          ...ExplorerEntityLine
        }
        subjects {
          ...ExplorerEntityLine
        }
        event {
          ...ExplorerEntityLine
        }
        evidence {
          ...ExplorerEvidence
        }
      }
    }
  }
  ${EVIDENCE}
  ${ENTITY_LINE}
`;

export const METRICS = /* GraphQL */ `
  query ExplorerMetrics($ids: [ID!]!) {
    nodeMetrics(ids: $ids) {
      id
      degree
      pageRank
      betweenness
      community
      country
    }
  }
`;
