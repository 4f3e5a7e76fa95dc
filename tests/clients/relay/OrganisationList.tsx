/** The organisations page by page (forward): a query and its @connection fragment on Query. */
import { graphql } from 'react-relay';

export const organisationListQuery = graphql`
  query OrganisationListQuery($count: Int!, $country: String) {
    ...OrganisationList_query @arguments(count: $count, country: $country)
  }
`;

export const organisationList = graphql`
  fragment OrganisationList_query on Query
  @refetchable(queryName: "OrganisationListPaginationQuery")
  @argumentDefinitions(
    count: { type: "Int", defaultValue: 10 }
    cursor: { type: "String" }
    country: { type: "String" }
  ) {
    organisations(first: $count, after: $cursor, filter: { country: $country }, orderBy: NAME)
      @connection(key: "OrganisationList_organisations", filters: ["filter", "orderBy"]) {
      totalCount
      edges {
        node {
          id
          ...EntityCard_entity
        }
      }
    }
  }
`;
