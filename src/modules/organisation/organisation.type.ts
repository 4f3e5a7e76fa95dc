/** A fund, cluster, research centre ...: the Organisation object type. */
import { Field, Int, ObjectType } from 'type-graphql';
import { OrganisationKind } from '../../shared/enums';
import { connectionType } from '../../shared/connection';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A fund, cluster, research centre, incubator, association, company or public body: anything organised that acts in the network (invites, presents, takes part, works on projects).',
})
export class Organisation extends EntityInterface {
  @Field(() => OrganisationKind, { description: 'What sort of body it is.' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Country of its seat as an ISO 3166-1 alpha-2 code (FI, EE, RU); null when no source says.',
  })
  country!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year it was founded; null when unknown.' })
  foundedYear!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Its official website, an http(s) URL; null when none is known.',
  })
  website!: string | null;
}

export const OrganisationConnection = connectionType('Organisation', Organisation);
