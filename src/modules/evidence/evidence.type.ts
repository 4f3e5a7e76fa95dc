/** Where a fact comes from: a quote in a document, a public page, or an API client. */
import { Field, ObjectType } from 'type-graphql';
import { EvidenceKind } from '../../shared/enums';

@ObjectType({
  description:
    'One source of a fact: a verbatim quote of a document (STATED), a public page (EXTERNAL), or the API client that wrote it (ASSERTED). Which fields are set depends on kind.',
})
export class Evidence {
  @Field(() => EvidenceKind, {
    description: 'What sort of source this is; it says which of the other fields are set.',
  })
  kind!: keyof typeof EvidenceKind;

  @Field(() => String, {
    nullable: true,
    description:
      'EXTERNAL: the http(s) URL of the public page that states the fact; null for the other kinds.',
  })
  url!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'STATED: the words of the document that state the fact, verbatim in its original language; null for the other kinds.',
  })
  quote!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "BCP 47 tag of the quote's language (fi, et, ru, en ...); null without a quote.",
  })
  language!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'English rendering of the quote; null without a quote or when the quote is in English.',
  })
  translation!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ASSERTED: who wrote the fact, as key:<API key name> or jwt:<subject>; null for the other kinds.',
  })
  assertedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'EXTERNAL: what the page says about the fact, in English; null when not noted.',
  })
  note!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'STATED when the source says it in so many words, INFERRED when it follows from what the source says; null when not recorded.',
  })
  confidence!: string | null;

  /** Internal: resolved into `document`. */
  documentId!: string | null;
}
