/**
 * The connection file of a local Neo4j whose JVM is gone (killed along with its owner, so
 * nobody removed it) is stale: the command-line tools ignore it and remove it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectionFile, findRunningLocalNeo4j } from '../../src/db/local-neo4j';

it('a connection file whose process has exited is ignored and removed', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-stale-connection-'));
  try {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(
      connectionFile(dataDir),
      JSON.stringify({
        uri: 'bolt://127.0.0.1:7687',
        user: 'neo4j',
        password: 'whatever1',
        pid: gone,
        ownerPid: gone,
        version: '5.26.30',
      }),
      { mode: 0o600 },
    );
    expect(await findRunningLocalNeo4j(dataDir)).toBeUndefined();
    expect(existsSync(connectionFile(dataDir))).toBe(false);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
