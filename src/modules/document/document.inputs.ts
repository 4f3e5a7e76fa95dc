/** addDocument's input and the documents list's filter, validated with class-validator. */
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LANGUAGE_PATTERN, MAX_NAME_LENGTH, SLUG_PATTERN, UrlField } from '../../shared/inputs';
import { DateScalar } from '../../shared/scalars';
import { SafeText } from '../../shared/text';

/** The longest text addDocument takes: a long report; larger ones are split by the partner. */
export const MAX_DOCUMENT_LENGTH = 100_000;

const LANGUAGE_MESSAGE = 'language must be a BCP 47 tag such as fi, et, ru, en';

@InputType({
  description:
    'A source document: its text byte for byte, its language and where it comes from. The same text again answers the document stored first.',
})
export class AddDocumentInput {
  @Field({
    description: `Title in the original language, 1 to ${MAX_NAME_LENGTH} characters on one line; it is the document's name.`,
  })
  @Length(1, MAX_NAME_LENGTH)
  @SafeText()
  title!: string;

  @Field({
    description:
      'BCP 47 tag of the original language (fi, et, ru, en, pt-BR ...); it picks the stemmer that finds inflected mentions.',
  })
  @Matches(LANGUAGE_PATTERN, { message: LANGUAGE_MESSAGE })
  language!: string;

  @Field({
    description: `The original text, byte for byte, 1 to ${MAX_DOCUMENT_LENGTH} characters (UTF-16 code units); tab and line breaks are fine. STATED evidence quotes it verbatim, and its SHA-256 is what makes a second add of it answer the first document.`,
  })
  @Length(1, MAX_DOCUMENT_LENGTH)
  @SafeText('prose')
  text!: string;

  @UrlField('Where the document was published.')
  url?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the document was written or published (YYYY-MM-DD); null when unknown.',
  })
  @IsOptional()
  publishedAt?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Global id of the organisation or person that published it (a PUBLISHED link, asserted by the caller); null when unknown.',
  })
  @IsOptional()
  publisher?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `English rendering of the title, up to ${MAX_NAME_LENGTH} characters; also an alias of the document.`,
  })
  @IsOptional()
  @Length(1, MAX_NAME_LENGTH)
  @SafeText()
  titleTranslation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `English rendering of the whole text, up to ${MAX_DOCUMENT_LENGTH} characters.`,
  })
  @IsOptional()
  @MaxLength(MAX_DOCUMENT_LENGTH)
  @SafeText('prose')
  translation?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Human-readable key (lower-case letters, digits and single dashes); absent: made from the title and the start of the text hash.',
  })
  @IsOptional()
  @Length(1, 100)
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and single dashes' })
  slug?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A few sentences about the document in English, up to 5000 characters.',
  })
  @IsOptional()
  @MaxLength(5000)
  @SafeText('prose')
  description?: string | null;
}

@InputType({ description: 'Which documents to keep; every field given must hold.' })
export class DocumentFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Documents in this language: the tag itself or a narrower one ("pt" keeps pt-BR).',
  })
  @IsOptional()
  @Matches(LANGUAGE_PATTERN, { message: LANGUAGE_MESSAGE })
  language?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Documents dated on or after this day (undated documents are left out).',
  })
  @IsOptional()
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Documents dated on or before this day (undated documents are left out).',
  })
  @IsOptional()
  to?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Documents published by this organisation or person (global id).',
  })
  @IsOptional()
  publisher?: string | null;
}
