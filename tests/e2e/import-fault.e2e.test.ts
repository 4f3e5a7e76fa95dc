/**
 * An import cut off by the database: a Neo4j of this suite's own is killed (SIGKILL) while
 * POST /import streams a file in; the report ends with DATABASE_UNAVAILABLE, how far the
 * committed batches reach and a FAILED summary, and once Neo4j is back the graph holds exactly
 * those whole batches: no half batch, nothing after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';
import { migrate } from '../../src/db/migrations';
import { ApiKeyRepository } from '../../src/modules/auth/api-key.repository';
import { installWriteHooks } from '../../src/modules/system/write-hooks';
import { startServer, type RunningServer } from '../../src/server';
import { createLogger } from '../../src/shared/logger';
import { testConfig } from '../support/db';

const PASSWORD = 'import-fault-password';
const BATCH = 50;

describe('an import while Neo4j is killed', () => {
  let dataDir: string;
  let boltPort: number;
  let neo4j: LocalNeo4j | undefined;
  let db: Database;
  let server: RunningServer;
  let key: string;

  const start = async (): Promise<LocalNeo4j> =>
    startLocalNeo4j({ boltPort, dataDir, heap: '512m', pageCache: '64m', password: PASSWORD });
  const open = (uri: string): Database =>
    installWriteHooks(
      new Database({
        uri,
        user: 'neo4j',
        password: PASSWORD,
        database: 'neo4j',
        maxRetryMs: 1_000,
      }),
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-import-fault-'));
    boltPort = await freePort();
    neo4j = await start();
    db = open(neo4j.uri);
    await migrate(db);
    key = (await new ApiKeyRepository(db).create('import-fault-editor', 'editor')).key;
    server = await startServer(
      testConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        ANALYTICS_REFRESH_SECONDS: '0',
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_PER_KEY_PER_MINUTE: '0',
        IMPORT_BATCH_SIZE: String(BATCH),
      }),
      db,
      createLogger('silent'),
    );
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports DATABASE_UNAVAILABLE and how far it got; the graph keeps whole batches only', async () => {
    const line = (n: number): string =>
      `${JSON.stringify({ entity: 'Topic', input: { name: `Fault Topic ${n}` } })}\n`;
    const report = await new Promise<string>((resolve, reject) => {
      const req = http.request(`http://127.0.0.1:${server.port}/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}` },
      });
      req.on('error', reject);
      let killed = false;
      let sent = 0;
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          // Two batches committed: the database goes, mid-import; the client keeps sending.
          if (!killed && (text.match(/"committed":true/g) ?? []).length >= 2) {
            killed = true;
            process.kill(neo4j!.pid, 'SIGKILL');
            const more = (): void => {
              for (let i = 0; i < 5 && sent < 2_000; i++) req.write(line(++sent));
              if (sent < 2_000) setTimeout(more, 10);
              else req.end();
            };
            more();
          }
        });
        res.on('end', () => resolve(text));
      });
      // Two and a half batches (the third waits for more lines), then nothing until the kill.
      for (; sent < 2 * BATCH + BATCH / 2;) req.write(line(++sent));
    });
    const lines = report
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const failure = lines.find((l) => l.error) as
      | { error: { code: string }; committedThroughLine: number; batchesCommitted: number }
      | undefined;
    expect(failure?.error.code).toBe('DATABASE_UNAVAILABLE');
    const summary = lines.find((l) => l.summary)!.summary as Record<string, unknown>;
    expect(summary.state).toBe('FAILED');
    const batches = failure!.batchesCommitted;
    expect(batches).toBeGreaterThanOrEqual(2);
    expect(failure!.committedThroughLine).toBe(batches * BATCH);
    // Every committed batch was told line by line before the failure.
    const created = lines.filter((l) => l.status === 'created').length;
    expect(created).toBe(batches * BATCH);

    await db.close();
    neo4j = await start();
    db = open(neo4j.uri);
    const stored = await db.query(
      "MATCH (t:Topic) WHERE t.slug STARTS WITH 'fault-topic-' RETURN count(t) AS n",
    );
    expect(Number(stored.records[0]!.get('n'))).toBe(batches * BATCH);
  }, 240_000);
});
