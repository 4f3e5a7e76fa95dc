/** `npm run migrate`: applies the numbered migrations of src/db/migrations (idempotent). */
import { migrate } from '../db/migrations';
import { withDatabase } from './with-database';

void withDatabase('migrate', async (db, _config, logger) => {
  const report = await migrate(db);
  logger.info(report, `applied ${report.applied.length}, already there ${report.skipped.length}`);
});
