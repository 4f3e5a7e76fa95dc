/** Stops the throw-away Neo4j of global-setup and removes its data; a server we did not start is left alone. */
import { rmSync } from 'node:fs';
import { harness } from './harness-state';

export default async function globalTeardown(): Promise<void> {
  // Called once per tier on the database; the first call stops it, the others find nothing.
  const { neo4j, dataDir } = harness;
  harness.neo4j = undefined;
  harness.dataDir = undefined;
  await neo4j?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
