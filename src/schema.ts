/**
 * Builds the GraphQL schema from the module resolvers (type-graphql, code first) and prints it
 * as SDL for schema/schema.graphql.
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { Database } from './db/database';
import { SystemResolver } from './modules/system/system.resolver';
import { SystemService } from './modules/system/system.service';
import { ResolverContainer } from './shared/container';

export interface Services {
  system: SystemService;
}

export function createServices(db: Database): Services {
  return { system: new SystemService(db) };
}

export async function createSchema(services: Services): Promise<GraphQLSchema> {
  const container = new ResolverContainer().register(
    SystemResolver,
    new SystemResolver(services.system),
  );
  return buildSchema({
    resolvers: container.resolvers(),
    container,
    validate: true,
  });
}

/** The SDL checked in as schema/schema.graphql: sorted, so that diffs show real changes only. */
export function printSdl(schema: GraphQLSchema): string {
  const header = '# Generated from the code by `npm run schema:emit`; do not edit by hand.\n\n';
  return `${header}${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The schema without a database, for emitting SDL (resolvers are never called). */
export function createOfflineSchema(): Promise<GraphQLSchema> {
  return createSchema(createServices(null as unknown as Database));
}
