/**
 * Descriptions of the root types. type-graphql builds Query and Mutation itself and takes no
 * description for them, so they are set on the built schema (before it is printed or served).
 */
import type { GraphQLSchema } from 'graphql';

export const QUERY_DESCRIPTION =
  'Reads of the cluster-collaboration graph: any object by id, entity lists and search, invitations, network analytics, and the API about itself. Open to anonymous callers unless the server closes them (ALLOW_ANONYMOUS_READS=false); apiKeys and the audit log (auditEntries) need an admin credential.';

export const MUTATION_DESCRIPTION =
  'Writes to the graph: create, upsert, update and delete of each entity type, links between entities, and recorded interactions. Every mutation needs an editor or admin credential (Authorization: Bearer <API key or JWT>), runs in one transaction and writes nothing when it fails.';

/** Sets the root types' descriptions on a schema built by type-graphql. */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query) query.description = QUERY_DESCRIPTION;
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = MUTATION_DESCRIPTION;
  return schema;
}
