/** Facts about the running system; cached where they cannot change while the process lives. */
import { API_VERSION } from '../../shared/version';
import type { SystemRepository } from './system.repository';
import type { Health, VersionInfo } from './system.type';

export class SystemService {
  private serverInfo: Promise<{ version: string; edition: string }> | undefined;

  constructor(private readonly repo: SystemRepository) {}

  async version(): Promise<VersionInfo> {
    // The server version cannot change under a running driver's feet, except across restarts
    // of the server; a failed lookup is not cached.
    this.serverInfo ??= this.repo.serverInfo().catch((error: unknown) => {
      this.serverInfo = undefined;
      throw error;
    });
    const info = await this.serverInfo;
    return { api: API_VERSION, neo4j: info.version, neo4jEdition: info.edition };
  }

  async health(): Promise<Health> {
    const database = await this.repo.ping();
    return { status: database ? 'ok' : 'degraded', database };
  }
}
