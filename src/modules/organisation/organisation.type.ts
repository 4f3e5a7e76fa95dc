/** A fund, cluster, research centre ...: the Organisation object type. */
import { Field, Int, ObjectType } from 'type-graphql';
import { OrganisationKind } from '../../shared/enums';
import { connectionType } from '../../shared/connection';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description: 'A fund, cluster, research centre, incubator, association, company...',
})
export class Organisation extends EntityInterface {
  @Field(() => OrganisationKind)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;

  @Field(() => Int, { nullable: true })
  foundedYear!: number | null;

  @Field(() => String, { nullable: true })
  website!: string | null;
}

export const OrganisationConnection = connectionType('Organisation', Organisation);
