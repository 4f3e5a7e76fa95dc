/** Loads the seed graph at start when the database holds no entity yet. */
import type { Database } from '../db/database';
import type { Logger } from '../shared/logger';
import { loadSeeds } from './load';

export async function seedIfEmpty(db: Database, logger: Logger): Promise<void> {
  const result = await db.query(
    'MATCH (e:Entity) RETURN count(e) AS n',
    {},
    { operation: 'seed-check' },
  );
  const entities = Number(result.records[0]?.get('n') ?? 0);
  if (entities > 0) {
    logger.info({ entities }, 'graph already holds entities; seeds not loaded');
    return;
  }
  const report = await loadSeeds(db);
  logger.info(report, 'graph was empty; seeds loaded');
}
