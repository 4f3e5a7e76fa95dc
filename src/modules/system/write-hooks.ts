/**
 * The write hooks every Database that writes the graph carries, in this order: the graph
 * version, then the audit entry. Called wherever a Database is opened for real work (the server,
 * start-up, the CLI); registering twice changes nothing.
 */
import type { Database } from '../../db/database';
import { recordAudit } from '../audit/audit.hook';
import { bumpGraphVersion } from './graph-version';

export function installWriteHooks(db: Database): Database {
  db.onWrite(bumpGraphVersion);
  db.onWrite(recordAudit);
  return db;
}
