/**
 * Relay fragments and queries that tests/e2e/clients.e2e.test.ts compiles with relay-compiler and
 * the README's relay.config.json (against schema/schema.graphql): a fragment on an interface
 * refetched through node(id:), and forward pagination with @connection. relay-compiler reads the
 * graphql tags only; react-relay is not installed here, and the repository's tsc includes only
 * tests/**\/*.ts.
 */
import { graphql } from 'react-relay';

/**
 * Any entity, refetched by its global id: Relay writes `node(id: $id) { ...EntityCard_entity }`.
 */
export const entityCard = graphql`
  fragment EntityCard_entity on Entity @refetchable(queryName: "EntityCardRefetchQuery") {
    name
    slug
    ... on Organisation {
      country
    }
    ... on Event {
      startDate
      startsAt
    }
  }
`;
