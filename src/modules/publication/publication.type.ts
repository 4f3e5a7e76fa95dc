/** Reports, concepts, videos ...: the Publication object type. */
import { Field, ObjectType } from 'type-graphql';
import { PublicationKind } from '../../shared/enums';
import { DateScalar } from '../../shared/scalars';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description: 'A report, concept, video, documentation, photo or programme.',
})
export class Publication extends EntityInterface {
  @Field(() => PublicationKind)
  kind!: string;

  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;
}
