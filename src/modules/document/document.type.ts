/** A source document with its verbatim text: the Document object type. */
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A source document that STATED evidence quotes from: its original text byte for byte and its English rendering. Documents come in through the seed loader only.',
})
export class Document extends EntityInterface {
  @Field({ description: 'Title in the original language, as the document gives it.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'English rendering of the title.' })
  titleTranslation!: string | null;

  @Field({ description: 'BCP 47 tag of the original language.' })
  language!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the document was written or published; null when unknown.',
  })
  date!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the document was published, an http(s) URL; null when it has no public page.',
  })
  url!: string | null;

  @Field({ description: 'The original text, byte for byte.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'English rendering of the whole text.' })
  translation!: string | null;
}
