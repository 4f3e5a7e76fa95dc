/** The audit log: every API write, recorded in the write's own transaction by a write hook (audit.hook.ts). */
import neo4j from 'neo4j-driver';
import { Arg, Authorized, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Database } from '../../db/database';
import { BadUserInputError } from '../../shared/errors';
import { DateTimeScalar } from '../../shared/scalars';

@ObjectType({ description: 'One API write: who, when, which operation, which ids, what changed.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Id of the audit entry (a UUID), unique per write.' })
  id!: string;

  @Field(() => DateTimeScalar, {
    description: 'When the write ran, by the database clock, in UTC (offset Z).',
  })
  at!: string;

  @Field({
    description:
      'The caller that wrote: key:<API key name> or jwt:<token subject>, as recorded on ASSERTED evidence.',
  })
  who!: string;

  @Field({
    description:
      'Id of the HTTP request that made the write (the x-request-id header, or one made up), as in the server logs.',
  })
  requestId!: string;

  @Field({
    description: 'The gateway operation, e.g. "create Organisation", "link AFFILIATED_WITH".',
  })
  operation!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The GraphQL operation of the request (its root fields); null for writes not made through GraphQL.',
  })
  graphqlOperation!: string | null;

  @Field({ description: 'The variables sent, as JSON (cut at 10,000 characters).' })
  input!: string;

  @Field(() => [String], { description: 'Ids the write returned (created or updated).' })
  ids!: string[];

  @Field({ description: 'Neo4j counters of the write, as JSON (nodesCreated, propertiesSet ...).' })
  changes!: string;
}

const LIST = /* cypher */ `
MATCH (a:AuditEntry)
WHERE $who IS NULL OR a.who = $who
WITH a ORDER BY a.at DESC, a.id LIMIT $first
RETURN a.id AS id, toString(a.at) AS at, a.who AS who, a.requestId AS requestId,
       a.operation AS operation, a.graphqlOperation AS graphqlOperation, a.input AS input,
       a.ids AS ids, a.changes AS changes`;

export class AuditRepository {
  constructor(private readonly db: Database) {}

  async list(first: number, who: string | null): Promise<AuditEntry[]> {
    const result = await this.db.query(
      LIST,
      { first: neo4j.int(first), who },
      { operation: 'audit.list' },
    );
    return result.records.map((r) => r.toObject() as unknown as AuditEntry);
  }
}

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditRepository) {}

  @Authorized('admin')
  @Query(() => [AuditEntry], {
    description:
      'The latest API writes, newest first. Admins only: FORBIDDEN for other roles, UNAUTHENTICATED without a credential.',
  })
  auditLog(
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 500.' }) first: number,
    @Arg('who', () => String, { nullable: true }) who: string | null,
  ): Promise<AuditEntry[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw new BadUserInputError(`first must be between 1 and 500; got ${first}.`, 'first');
    return this.audit.list(first, who ?? null);
  }
}
