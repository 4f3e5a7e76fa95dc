/**
 * A validation rule: every operation's type (query, mutation, subscription) is one the schema
 * has. graphql-js 16 has no such rule (17 adds KnownOperationTypesRule), so `subscription { x }`
 * passed validation here and failed at execution, answered as an internal error with HTTP 200;
 * with the rule it is a GRAPHQL_VALIDATION_FAILED (HTTP 400) like any other invalid document.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

const PLURAL = { query: 'queries', mutation: 'mutations', subscription: 'subscriptions' } as const;

export function KnownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  const has = {
    query: schema.getQueryType() != null,
    mutation: schema.getMutationType() != null,
    subscription: schema.getSubscriptionType() != null,
  };
  const answered = (Object.keys(has) as (keyof typeof has)[])
    .filter((t) => has[t])
    .map((t) => PLURAL[t]);
  const list =
    answered.length > 1
      ? `${answered.slice(0, -1).join(', ')} and ${answered.at(-1)!}`
      : (answered[0] ?? 'nothing');
  return {
    OperationDefinition(node) {
      if (has[node.operation]) return;
      context.reportError(
        new GraphQLError(
          `This API has no ${node.operation} type: it answers ${list} only${
            node.name ? ` (operation "${node.name.value}")` : ''
          }.`,
          { nodes: node },
        ),
      );
    },
  };
}
