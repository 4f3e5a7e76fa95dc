/** Queries about the API itself. Public by choice: they reveal nothing about the graph. */
import { Query, Resolver } from 'type-graphql';
import { Health, VersionInfo } from './system.type';
import type { SystemService } from './system.service';

@Resolver()
export class SystemResolver {
  constructor(private readonly system: SystemService) {}

  @Query(() => VersionInfo, {
    description: 'Versions of the API and of the Neo4j server behind it; open to anyone.',
  })
  version(): Promise<VersionInfo> {
    return this.system.version();
  }

  @Query(() => Health, {
    description:
      'Whether the API and its database answer; open to anyone (GET /health/ready is the same for load balancers).',
  })
  health(): Promise<Health> {
    return this.system.health();
  }
}
