/** What the API says about itself: its version, the Neo4j it talks to, and whether that answers. */
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Versions of the API and of the Neo4j server behind it.' })
export class VersionInfo {
  @Field({ description: 'Version of the Cluster Graph API (package.json).' })
  api!: string;

  @Field({ description: 'Version of the Neo4j server, e.g. 5.26.30.' })
  neo4j!: string;

  @Field({ description: 'Neo4j edition: community or enterprise.' })
  neo4jEdition!: string;
}

@ObjectType({ description: 'Liveness of the API and reachability of its database.' })
export class Health {
  @Field({ description: 'ok when the database answers, degraded when it does not.' })
  status!: string;

  @Field({ description: 'Whether Neo4j answered a trivial query just now.' })
  database!: boolean;
}
