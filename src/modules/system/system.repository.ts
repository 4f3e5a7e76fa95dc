/** What the system facts read from the database: its server's version and whether it answers. */
import type { Database } from '../../db/database';

export class SystemRepository {
  constructor(private readonly db: Database) {}

  /** Name and version of the server, e.g. { version: "5.26.30", edition: "community" }. */
  serverInfo(): Promise<{ version: string; edition: string }> {
    return this.db.serverInfo();
  }

  /** True when the database answers a trivial read; never throws. */
  ping(): Promise<boolean> {
    return this.db.ping();
  }
}
