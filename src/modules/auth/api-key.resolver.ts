/** Administration of API keys: who may call the API (admins only). */
import { Authorized, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import type { ApiKeyRepository } from './api-key.repository';

@ObjectType({
  description:
    'An API key as the server keeps it: never the key itself, which `npm run apikey -- create` shows once.',
})
export class ApiKey {
  @Field(() => ID, { description: 'Id of the key, for `npm run apikey -- revoke --id <id>`.' })
  id!: string;

  @Field({
    description:
      'The name given at creation (e.g. partner-x); ASSERTED evidence and the audit log name the caller key:<name>.',
  })
  name!: string;

  @Field({
    description:
      'What the key may do: reader (queries), editor (queries and mutations) or admin (also apiKeys, the audit log and /metrics).',
  })
  role!: string;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  prefix!: string;

  @Field(() => DateTimeScalar, { description: 'When the key was created.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the key was revoked (it is refused from then on); null while it is valid.',
  })
  revokedAt!: string | null;
}

@Resolver()
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyRepository) {}

  @Authorized('admin')
  @Query(() => [ApiKey], {
    description:
      'Every API key, revoked ones included, oldest first. Admins only: FORBIDDEN for other roles, UNAUTHENTICATED without a credential.',
  })
  apiKeys(): Promise<ApiKey[]> {
    return this.keys.list();
  }
}
