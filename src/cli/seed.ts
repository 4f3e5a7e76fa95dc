/** `npm run seed`: loads seeds/ into the graph (idempotent). */
import { seedIfEmpty } from '../seed/seed-on-start';
import { withDatabase } from './with-database';

void withDatabase('seed', async (db, _config, logger) => {
  await seedIfEmpty(db, logger);
});
