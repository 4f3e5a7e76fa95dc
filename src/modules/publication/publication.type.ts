/** Reports, concepts, videos ...: the Publication object type. */
import { Field, ObjectType } from 'type-graphql';
import { PublicationKind } from '../../shared/enums';
import { DateScalar } from '../../shared/scalars';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A report, concept, video, documentation, photo or programme that people or organisations published (PUBLISHED), e.g. the Circular Economy Playbook.',
})
export class Publication extends EntityInterface {
  @Field(() => PublicationKind, { description: 'What form the publication takes.' })
  kind!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day it was published; null when unknown.',
  })
  date!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where it can be read or watched, an http(s) URL; null when none is known.',
  })
  url!: string | null;
}
