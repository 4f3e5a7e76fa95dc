/**
 * The change feed: every committed write of graph data, oldest first, in commit order. Built on
 * the audit entries (audit.hook.ts), which each write creates in its own transaction with `seq`,
 * the graph version it raised (numbered in commit order, see migration 006), and `items`, what it
 * changed. A cursor is a seq: stored by a partner, it resumes the feed exactly after that write.
 */
import neo4j from 'neo4j-driver';
import {
  Arg,
  Authorized,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import type { ChangedItem, Database } from '../../db/database';
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
import { ENTITY_LABELS, INTERACTION_LABELS, RELATIONSHIP_TYPES } from '../../shared/model';
import { DateTimeScalar } from '../../shared/scalars';

export enum ChangeOperation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(ChangeOperation, {
  name: 'ChangeOperation',
  description: 'What a write did to an entity, interaction or link.',
  valuesConfig: {
    CREATE: { description: 'It did not exist before this write.' },
    UPDATE: { description: 'It existed; the write set the fields named.' },
    DELETE: {
      description: "It is gone (an entity's links and evidence went with it).",
    },
  },
});

@ObjectType({ description: 'One entity, interaction or link a write changed.' })
export class ChangedRecord {
  @Field(() => ID, {
    description:
      'Global id of the entity or interaction (as in node(id:)); for a link, an opaque id of its type and two ends.',
  })
  id!: string;

  @Field({
    description:
      'Its type: an entity type (e.g. "Organisation"), an interaction type (e.g. "Invitation") or a link type (e.g. "AFFILIATED_WITH").',
  })
  type!: string;

  @Field(() => ChangeOperation, { description: 'Created, updated or deleted.' })
  op!: ChangeOperation;

  @Field(() => [String], {
    description:
      'The input fields the write set (e.g. ["name", "aliases", "evidence"]); empty for a delete.',
  })
  fields!: string[];

  @Field(() => ID, { nullable: true, description: "A link's start: the global id of its entity." })
  from!: string | null;

  @Field(() => ID, { nullable: true, description: "A link's end: the global id of its entity." })
  to!: string | null;
}

@ObjectType({
  description:
    'One committed write of graph data: when, by whom, which operation, and what it changed.',
})
export class Change {
  @Field(() => ID, {
    description: 'Id of the write (its audit entry); also the event id of its webhook deliveries.',
  })
  id!: string;

  @Field(() => Int, {
    description:
      'Its place in commit order: a later commit always has a greater number (numbers may skip).',
  })
  seq!: number;

  @Field(() => DateTimeScalar, { description: 'When the write ran, by the database clock (UTC).' })
  at!: string;

  @Field({ description: 'The caller that wrote: key:<API key name> or jwt:<token subject>.' })
  who!: string;

  @Field({ description: 'The operation, e.g. "upsert Organisation", "link AFFILIATED_WITH".' })
  operation!: string;

  @Field(() => [ChangedRecord], {
    description: 'What it changed (with `types`, only the records of those types).',
  })
  records!: ChangedRecord[];
}

export const ChangeConnection = connectionType('Change', Change, 'changes (oldest first)');

const CHANGE_SCOPE = 'changes';

/** The types `types` (and webhook subscriptions) may name. */
export const CHANGE_TYPES: readonly string[] = [
  ...ENTITY_LABELS,
  ...INTERACTION_LABELS,
  ...RELATIONSHIP_TYPES,
];

interface ChangeRow {
  id: string;
  seq: number;
  at: string;
  who: string;
  operation: string;
  items: string;
}

/**
 * A keyset page of the feed by seq, with the total, in one statement. Forwards: the entries
 * after the cursor, oldest first; backwards: those before it (or the newest), nearest first.
 */
const changePage = (backward: boolean): string => {
  const [ahead, behind, order] = backward ? ['<', '>=', 'DESC'] : ['>', '<=', 'ASC'];
  const filter =
    'a.seq IS NOT NULL AND a.items IS NOT NULL AND ($types IS NULL OR any(t IN a.itemTypes WHERE t IN $types))';
  return /* cypher */ `
CALL () {
  MATCH (a:AuditEntry) WHERE ${filter}
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:AuditEntry) WHERE ${filter} AND ($cursor IS NULL OR a.seq ${ahead} $cursor)
  WITH a ORDER BY a.seq ${order} LIMIT $limit
  RETURN collect(a {.id, seq: toInteger(a.seq), at: toString(a.at), .who, .operation, .items}) AS rows
}
CALL () {
  WITH 1 AS cursorGiven WHERE $cursor IS NOT NULL
  MATCH (a:AuditEntry) WHERE ${filter} AND a.seq ${behind} $cursor
  WITH a LIMIT 1
  RETURN count(a) > 0 AS beyond
}
RETURN total, rows, beyond`;
};

/** An audit entry of a write of graph data, as the feed and the webhooks read it. */
export interface ChangeEntry {
  id: string;
  seq: number;
  at: string;
  who: string;
  operation: string;
  /** What it changed (never null: entries without items are not changes of graph data). */
  items: ChangedItem[];
}

/**
 * A write as the feed and the webhooks tell it (webhook bodies are this, as JSON): the audit
 * entry's id, seq, time, caller and operation, and the records it changed (of the wanted types).
 */
export function toChange(entry: ChangeEntry, wanted: ReadonlySet<string> | null = null): Change {
  return {
    id: entry.id,
    seq: entry.seq,
    at: entry.at,
    who: entry.who,
    operation: entry.operation,
    records: entry.items
      .filter((item) => !wanted || wanted.has(item.type))
      .map((item) => ({
        id: item.id,
        type: item.type,
        op: item.op as ChangeOperation,
        fields: item.fields,
        from: item.from ?? null,
        to: item.to ?? null,
      })),
  };
}

export class ChangeRepository {
  constructor(private readonly db: Database) {}

  async connection(types: string[] | null, args: PageArgs): Promise<ConnectionShape<Change>> {
    const { backward, size, cursor } = readPage<[number]>(args, ['number'], CHANGE_SCOPE);
    const result = await this.db.query(
      changePage(backward),
      {
        types,
        cursor: cursor ? neo4j.int(cursor[0]) : null,
        limit: neo4j.int(size + 1),
      },
      { operation: 'changes.page' },
    );
    const record = result.records[0];
    const rows = ((record?.get('rows') ?? []) as ChangeRow[]).map((row) => ({
      ...row,
      seq: Number(row.seq),
    }));
    const wanted = types ? new Set(types) : null;
    const changes = rows.map((row) =>
      toChange({ ...row, items: JSON.parse(row.items) as ChangedItem[] }, wanted),
    );
    return toConnection(
      rows,
      size,
      Number(record?.get('total') ?? 0),
      changes.slice(0, size),
      (row) => [row.seq],
      { backward, beyond: record?.get('beyond') === true, scope: CHANGE_SCOPE },
    );
  }
}

@Resolver()
export class ChangeResolver {
  constructor(private readonly feed: ChangeRepository) {}

  @Authorized()
  @Query(() => ChangeConnection, {
    description:
      'The change feed: every committed write of graph data (entities, interactions, links), oldest first, in commit order; any credentials. Store the last endCursor and pass it as `after` to resume exactly after it; `last` alone gives the newest.',
  })
  changes(
    @Arg('types', () => [String], {
      nullable: true,
      description:
        'Only the writes that changed records of these types (entity, interaction or link types, e.g. ["Organisation", "AFFILIATED_WITH"]); null for all.',
    })
    types: string[] | null,
    @ConnectionPage() page: ConnectionArgs = {},
  ): Promise<ConnectionShape<Change>> {
    if (types) {
      if (types.length === 0 || types.length > 50)
        throw new BadUserInputError('types must name 1 to 50 types, or be null for all.', 'types');
      const unknown = types.filter((t) => !CHANGE_TYPES.includes(t));
      if (unknown.length > 0)
        throw new BadUserInputError(
          `types names no entity, interaction or link type: ${unknown.map((t) => JSON.stringify(t.slice(0, 60))).join(', ')}. Known: ${CHANGE_TYPES.join(', ')}.`,
          'types',
        );
    }
    return this.feed.connection(types ?? null, page);
  }
}
