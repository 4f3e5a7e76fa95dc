/** `npm run seed`: validates seeds/ and loads it into the graph (idempotent: MERGE on stable ids). */
import { SeedError } from '../seed/plan';
import { loadSeeds } from '../seed/load';
import { migrate } from '../db/migrations';
import { CliError, withDatabase } from './with-database';

void withDatabase('seed', async (db, _config, logger) => {
  await migrate(db);
  try {
    const report = await loadSeeds(db);
    for (const f of report.files) logger.info(f, `loaded ${f.file}`);
  } catch (error) {
    if (error instanceof SeedError) throw new CliError(`nothing was written: ${error.message}`);
    throw error;
  }
});
