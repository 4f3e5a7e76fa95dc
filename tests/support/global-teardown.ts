/** Stops the throw-away Neo4j of global-setup and removes its data; a server we did not start is left alone. */
import { rmSync } from 'node:fs';
import { harness } from './harness-state';

export default async function globalTeardown(): Promise<void> {
  await harness.neo4j?.stop();
  if (harness.dataDir) rmSync(harness.dataDir, { recursive: true, force: true });
}
