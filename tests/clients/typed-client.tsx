/**
 * A small typed client over what GraphQL Code Generator writes with the README's codegen.ts.
 * tests/e2e/clients.e2e.test.ts copies it into a front-end project
 * (tests/clients/.work/codegen/src/), generates ./gql from the running API and compiles it with
 * tsc --strict. Every scalar of the
 * schema is read into a variable of its TypeScript type: with the README's mappings `Date` and
 * `DateTime` are strings; without them they are `unknown` and this file does not compile.
 * (A .tsx file: the repository's own tsc, which has no ./gql, includes only tests/**\/*.ts.)
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { graphql } from './gql';

const EventsWithScalars = graphql(`
  query TypedClientEvents($first: Int!, $after: String) {
    events(first: $first, after: $after, orderBy: START_DATE) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          startDate
          startsAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    search(query: "sitra", first: 1) {
      score
    }
    analyticsStatus {
      builtAt
    }
  }
`);

async function run<Result, Variables>(
  endpoint: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json()) as { data?: Result; errors?: { message: string }[] };
  if (!body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
  return body.data;
}

export interface EventRow {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  startDate: string | null;
  /** With its UTC offset, e.g. 2019-10-29T11:30:00+03:00. */
  startsAt: string | null;
}

export async function firstEvents(endpoint: string, first: number) {
  const data = await run(endpoint, EventsWithScalars, { first });
  const rows: EventRow[] = data.events.edges.map(({ node }) => {
    const id: string = node.id; // ID
    const name: string = node.name; // String
    const startDate: string | null = node.startDate; // Date
    const startsAt: string | null = node.startsAt; // DateTime
    return { id, name, startDate, startsAt };
  });
  const total: number = data.events.totalCount; // Int
  const more: boolean = data.events.pageInfo.hasNextPage; // Boolean
  const topScore: number | undefined = data.search[0]?.score; // Float
  const builtAt: string | null = data.analyticsStatus.builtAt; // DateTime
  return { rows, total, more, topScore, builtAt };
}
