/** Administration of API keys: who may call the API (admins only). */
import { Authorized, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import type { ApiKeyRepository } from './api-key.repository';

@ObjectType({ description: 'An API key (the key itself is shown once, by `npm run apikey`).' })
export class ApiKey {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'reader, editor or admin.' })
  role!: string;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  prefix!: string;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: string | null;
}

@Resolver()
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyRepository) {}

  @Authorized('admin')
  @Query(() => [ApiKey], { description: 'Every API key, revoked ones included (admins only).' })
  apiKeys(): Promise<ApiKey[]> {
    return this.keys.list();
  }
}
