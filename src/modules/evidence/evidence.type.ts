/** Where a fact comes from: a quote in a document, a public page, or an API client. */
import { Field, ObjectType } from 'type-graphql';
import { EvidenceKind } from '../../shared/enums';

@ObjectType({ description: 'The source of a fact.' })
export class Evidence {
  @Field(() => EvidenceKind)
  kind!: keyof typeof EvidenceKind;

  @Field(() => String, { nullable: true, description: 'EXTERNAL: the public page.' })
  url!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Verbatim from the source, in its original language.',
  })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: "BCP 47 tag of the quote's language." })
  language!: string | null;

  @Field(() => String, { nullable: true, description: 'English rendering of the quote.' })
  translation!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ASSERTED: the API client that wrote the fact.',
  })
  assertedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'EXTERNAL: what the page says, in English.' })
  note!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'STATED when the source says it in so many words, INFERRED when it follows from it.',
  })
  confidence!: string | null;

  /** Internal: resolved into `document`. */
  documentId!: string | null;
}
