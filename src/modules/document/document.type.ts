/** A source document with its verbatim text: the Document object type. */
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description: 'A source document: the original text and its English rendering.',
})
export class Document extends EntityInterface {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'English rendering of the title.' })
  titleTranslation!: string | null;

  @Field({ description: 'BCP 47 tag of the original language.' })
  language!: string;

  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field({ description: 'The original text, byte for byte.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'English rendering of the whole text.' })
  translation!: string | null;
}
