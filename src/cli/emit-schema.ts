/**
 * `npm run schema:emit`: writes schema/schema.graphql and schema/possible-types.json from the code
 * (no database needed).
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { createOfflineSchema, printPossibleTypes, printSdl } from '../schema';

async function main(): Promise<void> {
  const schema = await createOfflineSchema();
  const dir = path.join(projectRoot(), 'schema');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of [
    ['schema.graphql', printSdl(schema)],
    ['possible-types.json', printPossibleTypes(schema)],
  ] as const) {
    writeFileSync(path.join(dir, name), text);
    process.stdout.write(`wrote schema/${name}\n`);
  }
}

void main();
