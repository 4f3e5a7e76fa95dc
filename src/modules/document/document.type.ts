/** A source document with its verbatim text: the Document object type, its mentions and lists. */
import { Field, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { DateScalar } from '../../shared/scalars';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A source document that STATED evidence quotes from: its original text byte for byte and its English rendering. Documents come in through the seed loader or addDocument, which stores a text once and finds the entities it mentions.',
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

@ObjectType({
  description:
    'One place where a document names an entity: character offsets into Document.text and the words as written there.',
})
export class MentionSpan {
  @Field(() => Int, {
    description:
      'Offset of the first character, counted in UTF-16 code units as JavaScript strings count them (text.slice(start, end) is form).',
  })
  start!: number;

  @Field(() => Int, { description: 'Offset just past the last character (UTF-16 code units).' })
  end!: number;

  @Field({
    description:
      'The words as the text writes them, inflected as they are ("Sitran", "Pietarissa").',
  })
  form!: string;
}

@ObjectType({
  description:
    'An entity a document mentions: where it first does (start, end, form) and every place it does (spans). Mentions found by addDocument have offsets; the hand-made mentions of the seed documents have none (start, end and form null, spans empty).',
})
export class Mention {
  @Field(() => EntityInterface, {
    description: 'The entity the document names here, of any type (read its type or __typename).',
  })
  entity!: EntityInterface;

  @Field(() => Int, {
    nullable: true,
    description: 'Offset of the first mention (UTF-16 code units); null for a hand-made mention.',
  })
  start!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Offset just past the first mention; null for a hand-made mention.',
  })
  end!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The first mention as written; null for a hand-made mention.',
  })
  form!: string | null;

  @Field(() => [MentionSpan], {
    description:
      'Every place the text names the entity, in text order; empty for a hand-made mention.',
  })
  spans!: MentionSpan[];

  entityId!: string;
}

export const MentionConnection = connectionType('Mention', Mention, 'entities a document mentions');
export const DocumentConnection = connectionType('Document', Document, 'documents');
