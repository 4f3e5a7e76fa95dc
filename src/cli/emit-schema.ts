/** `npm run schema:emit`: writes schema/schema.graphql from the code (no database needed). */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { createOfflineSchema, printSdl } from '../schema';

async function main(): Promise<void> {
  const file = path.join(projectRoot(), 'schema', 'schema.graphql');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, printSdl(await createOfflineSchema()));
  process.stdout.write(`wrote ${path.relative(projectRoot(), file)}\n`);
}

void main();
