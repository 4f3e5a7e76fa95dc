/**
 * A person's events, page by page (forward), refetched through node(id:): the pagination query
 * Relay writes for a @refetchable fragment on a Node type.
 */
import { graphql } from 'react-relay';

export const personParticipations = graphql`
  fragment PersonParticipations_person on Person
  @refetchable(queryName: "PersonParticipationsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" }) {
    name
    participations(first: $count, after: $cursor)
      @connection(key: "PersonParticipations_participations") {
      totalCount
      edges {
        role
        event {
          name
          startDate
        }
      }
    }
  }
`;

export const personPageQuery = graphql`
  query PersonParticipationsQuery($id: ID!) {
    node(id: $id) {
      ...PersonParticipations_person @alias(as: "person")
    }
  }
`;
