/**
 * `npm run seed` and the seed-on-start path: validate every file first (a bad file stops the
 * load before anything is written), then write one transaction per file.
 */
import path from 'node:path';
import { projectRoot } from '../config';
import type { Database } from '../db/database';
import { planSeeds } from './plan';
import { writePlan, type WriteReport } from './writer';

export const DEFAULT_SEED_DIR = path.join(projectRoot(), 'seeds');

export async function loadSeeds(
  db: Database,
  seedDir: string = DEFAULT_SEED_DIR,
): Promise<WriteReport> {
  const plans = planSeeds(seedDir);
  return writePlan(db, plans);
}
