/** The gateway on the real Neo4j: reads, writes, transactions, error mapping, migrations. */
import { Neo4jError } from 'neo4j-driver';
import { Database, translateError } from '../../src/db/database';
import { MIGRATIONS, migrate } from '../../src/db/migrations';
import { graphVersion } from '../../src/modules/system/graph-version';
import {
  ConflictError,
  DatabaseUnavailableError,
  TooExpensiveError,
} from '../../src/shared/errors';
import { openTestDatabase, removeLabelled } from '../support/db';

const LABEL = 'GatewayTestNode';

describe('Database gateway on the real Neo4j', () => {
  let db: Database;

  beforeAll(async () => {
    db = openTestDatabase();
    await db.write((tx) =>
      tx.run(
        `CREATE CONSTRAINT gateway_test_key IF NOT EXISTS FOR (n:${LABEL}) REQUIRE n.key IS UNIQUE`,
      ),
    );
  });
  afterAll(async () => {
    await removeLabelled(db, LABEL);
    await db.write((tx) => tx.run('DROP CONSTRAINT gateway_test_key IF EXISTS'));
    await db.close();
  });

  it('raises the graph version on a write that changes data, and only then', async () => {
    const start = await graphVersion(db);
    await db.read((tx) => tx.run(`MATCH (n:${LABEL}) RETURN count(n)`));
    await db.write((tx) => tx.run(`MATCH (n:${LABEL} {key: 'never-there'}) SET n.x = 1`));
    expect(await graphVersion(db)).toBe(start);
    await db.write((tx) => tx.run(`CREATE (:${LABEL} {key: 'versioned'})`));
    const afterCreate = await graphVersion(db);
    expect(afterCreate).not.toBe(start);
    expect(Number(afterCreate.split('@')[0])).toBe(Number(start.split('@')[0]) + 1);
    // A failed write leaves the version where it was (it rolls back with the data).
    await expect(
      db.write(async (tx) => {
        await tx.run(`CREATE (:${LABEL} {key: 'rolled-back'})`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await graphVersion(db)).toBe(afterCreate);
  });

  it('talks to Neo4j 5.26', async () => {
    const info = await db.serverInfo();
    expect(info.version).toMatch(/^5\.26\./);
  });

  it('writes a node and reads it back with unicode intact', async () => {
    await db.write((tx) =>
      tx.run(`CREATE (:${LABEL} {key: $key, name: $name})`, {
        key: 'rw',
        name: 'Margit Rüütelmann · Леонтьевский центр',
      }),
    );
    const result = await db.query<{ name: string }>(
      `MATCH (n:${LABEL} {key: $key}) RETURN n.name AS name`,
      { key: 'rw' },
    );
    expect(result.records.map((r) => r.get('name'))).toEqual([
      'Margit Rüütelmann · Леонтьевский центр',
    ]);
  });

  it('rolls back the whole transaction when one statement fails', async () => {
    await expect(
      db.write(async (tx) => {
        await tx.run(`CREATE (:${LABEL} {key: 'rollback-a'})`);
        await tx.run(`CREATE (:${LABEL} {key: 'rw'})`); // violates the unique key
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const left = await db.query(`MATCH (n:${LABEL} {key: 'rollback-a'}) RETURN count(n) AS n`);
    expect(Number(left.records[0]?.get('n'))).toBe(0);
  });

  it('counts every statement it sends', async () => {
    const before = db.queryCount;
    await db.read(async (tx) => {
      await tx.run('RETURN 1');
      await tx.run('RETURN 2');
    });
    expect(db.queryCount - before).toBe(2);
  });

  it('answers ping true while the server is up', async () => {
    await expect(db.ping()).resolves.toBe(true);
  });

  it('maps an unreachable server to DATABASE_UNAVAILABLE and ping to false', async () => {
    const dead = new Database({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      password: 'whatever1',
      database: 'neo4j',
      maxRetryMs: 300,
    });
    try {
      await expect(dead.ping(1_000)).resolves.toBe(false);
      await expect(dead.query('RETURN 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await dead.close();
    }
  });

  it('maps a statement that runs past its timeout to QUERY_TOO_COMPLEX (time)', async () => {
    const slow = 'UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n';
    const error = await db
      .query(slow, {}, { operation: 'test.timeout', timeoutMs: 200 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooExpensiveError);
    expect((error as TooExpensiveError).extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'time',
    });
  });

  it('retries a read after a transient error, but not after its transaction ran out of memory', async () => {
    // The driver calls both transient; only the first can succeed on a second try.
    const attempts = async (code: string): Promise<{ calls: number; error: unknown }> => {
      let calls = 0;
      const error = await db
        .read(async (tx) => {
          calls += 1;
          if (calls === 1) throw new Neo4jError('first attempt', code, '50N00', '');
          return tx.run('RETURN 1 AS one');
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      return { calls, error };
    };
    const deadlock = await attempts('Neo.TransientError.Transaction.DeadlockDetected');
    expect(deadlock).toEqual({ calls: 2, error: null });
    const memory = await attempts('Neo.TransientError.General.TransactionMemoryLimit');
    expect(memory.calls).toBe(1);
    expect((memory.error as TooExpensiveError).extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'memory',
    });
  });

  it("maps Neo4j's memory limits: the shared pool to DATABASE_UNAVAILABLE, one transaction's to QUERY_TOO_COMPLEX", () => {
    // Neo4j raises these only past its configured memory limits, which the test server keeps
    // generous; the mapping is checked on the driver's own error type with Neo4j's codes.
    const pool = translateError(
      new Neo4jError('pool', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', '51N72', ''),
    );
    expect(pool).toBeInstanceOf(DatabaseUnavailableError);
    expect((pool as DatabaseUnavailableError).message).toMatch(/out of memory/);
    const transaction = translateError(
      new Neo4jError('tx', 'Neo.ClientError.General.TransactionOutOfMemoryError', '51N73', ''),
    );
    expect((transaction as TooExpensiveError).extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'memory',
    });
  });

  it('applies migrations once: a second run is a no-op', async () => {
    const first = await migrate(db);
    expect([...first.applied, ...first.skipped].sort()).toEqual(MIGRATIONS.map((m) => m.id).sort());
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(MIGRATIONS.map((m) => m.id));
    const ledger = await db.query('MATCH (m:Migration) RETURN m.id AS id ORDER BY id');
    expect(ledger.records.map((r) => r.get('id'))).toEqual(MIGRATIONS.map((m) => m.id));
    const constraints = await db.query(
      "SHOW CONSTRAINTS YIELD name WHERE name = 'migration_id' RETURN name",
    );
    expect(constraints.records).toHaveLength(1);
  });
});
