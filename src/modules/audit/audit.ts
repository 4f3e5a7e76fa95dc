/** The audit log: every API write, recorded in the write's own transaction by a write hook (audit.hook.ts). */
import neo4j from 'neo4j-driver';
import { Arg, Authorized, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Database } from '../../db/database';
import {
  ConnectionArgs,
  ConnectionPage,
  connectionType,
  readPage,
  toConnection,
  type ConnectionShape,
  type PageArgs,
} from '../../shared/connection';
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

/** What the audit log's cursors belong to (see encodeCursor). */
const AUDIT_SCOPE = 'auditEntries';

const LIST = /* cypher */ `
MATCH (a:AuditEntry)
WHERE $who IS NULL OR a.who = $who
WITH a ORDER BY a.at DESC, a.id LIMIT $first
RETURN a.id AS id, toString(a.at) AS at, a.who AS who, a.requestId AS requestId,
       a.operation AS operation, a.graphqlOperation AS graphqlOperation, a.input AS input,
       a.ids AS ids, a.changes AS changes`;

export const AuditEntryConnection = connectionType(
  'AuditEntry',
  AuditEntry,
  'audit entries (API writes, newest first)',
);

/**
 * A keyset page of the log, newest first (then by id), with the total, in one statement.
 * Forwards the entries after the cursor in the log's order; backwards those before it, nearest
 * first (turned round by the caller). `beyond`: whether an entry lies on the other side of the
 * cursor; the first found answers, and without a cursor that subquery does not run.
 */
const auditPage = (backward: boolean): string => {
  // The log runs newest first: "after" the cursor is older (or as old, with a greater id).
  const [ahead, aheadTie, behind, behindTie, order] = backward
    ? ['>', '<', '<', '>=', 'a.at, a.id DESC']
    : ['<', '>', '>', '<=', 'a.at DESC, a.id'];
  return /* cypher */ `
CALL () {
  MATCH (a:AuditEntry)
  WHERE $who IS NULL OR a.who = $who
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:AuditEntry)
  WHERE ($who IS NULL OR a.who = $who)
    AND ($cursorAt IS NULL OR a.at ${ahead} datetime($cursorAt) OR (a.at = datetime($cursorAt) AND a.id ${aheadTie} $cursorId))
  WITH a ORDER BY ${order} LIMIT $limit
  RETURN collect(a {.id, at: toString(a.at), .who, .requestId, .operation, .graphqlOperation,
                    .input, .ids, .changes}) AS rows
}
CALL () {
  WITH 1 AS cursorGiven WHERE $cursorAt IS NOT NULL
  MATCH (a:AuditEntry)
  WHERE ($who IS NULL OR a.who = $who)
    AND (a.at ${behind} datetime($cursorAt) OR (a.at = datetime($cursorAt) AND a.id ${behindTie} $cursorId))
  WITH a LIMIT 1
  RETURN count(a) > 0 AS beyond
}
RETURN total, rows, beyond`;
};

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

  /** One page of the log (limit rows after or before the cursor), its total, and `beyond`. */
  async page(
    who: string | null,
    cursor: { at: string; id: string } | null,
    limit: number,
    backward: boolean,
  ): Promise<{ rows: AuditEntry[]; total: number; beyond: boolean }> {
    const result = await this.db.query(
      auditPage(backward),
      {
        who,
        cursorAt: cursor?.at ?? null,
        cursorId: cursor?.id ?? null,
        limit: neo4j.int(limit),
      },
      { operation: 'audit.page' },
    );
    const record = result.records[0];
    return {
      rows: (record?.get('rows') ?? []) as AuditEntry[],
      total: Number(record?.get('total') ?? 0),
      beyond: record?.get('beyond') === true,
    };
  }

  /** The log as a connection, newest first. */
  async connection(who: string | null, args: PageArgs): Promise<ConnectionShape<AuditEntry>> {
    const { backward, size, cursor } = readPage<[string, string]>(
      args,
      ['string', 'string'],
      AUDIT_SCOPE,
    );
    const page = await this.page(
      who,
      cursor ? { at: cursor[0], id: cursor[1] } : null,
      size + 1,
      backward,
    );
    return toConnection(
      page.rows,
      size,
      page.total,
      page.rows.slice(0, size),
      (row) => [row.at, row.id],
      { backward, beyond: page.beyond, scope: AUDIT_SCOPE },
    );
  }
}

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditRepository) {}

  @Authorized('admin')
  @Query(() => [AuditEntry], {
    deprecationReason:
      'Use auditEntries: the same log as a connection, paged with first/after or last/before to its start; auditLog stops after 500.',
    description:
      'The latest API writes, newest first (admins only): the first `first` only, with no next page. Deprecated: auditEntries pages through the whole log.',
  })
  auditLog(
    @Arg('first', () => Int, {
      defaultValue: 50,
      description: 'How many entries to list from the newest: 1 to 500, default 50.',
    })
    first: number,
    @Arg('who', () => String, {
      nullable: true,
      description: 'Only the writes of this caller (key:<name> or jwt:<sub>); null for all.',
    })
    who: string | null,
  ): Promise<AuditEntry[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw new BadUserInputError(`first must be between 1 and 500; got ${first}.`, 'first');
    return this.audit.list(first, who ?? null);
  }

  @Authorized('admin')
  @Query(() => AuditEntryConnection, {
    description:
      'Every API write, newest first (then by id), admins only. A connection: first/after walks back in time, last/before forwards from the oldest.',
  })
  auditEntries(
    @Arg('who', () => String, {
      nullable: true,
      description: 'Only the writes of this caller (key:<name> or jwt:<sub>); null for all.',
    })
    who: string | null,
    @ConnectionPage() page: ConnectionArgs = {},
  ): Promise<ConnectionShape<AuditEntry>> {
    return this.audit.connection(who ?? null, page);
  }
}
