/** Inputs every write shares: aliases and evidence, validated with class-validator. */
import {
  ArrayMaxSize,
  IsDefined,
  IsIn,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeText, SafeUrl } from './text';

/** The longest name or alias an entity may have (search takes a query this long). */
export const MAX_NAME_LENGTH = 300;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

@InputType({ description: 'A name in one language.' })
export class AliasInput {
  @Field({
    description: `The name as written in that language, 1 to ${MAX_NAME_LENGTH} characters on one line; search finds the entity by it.`,
  })
  @Length(1, MAX_NAME_LENGTH)
  @SafeText()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'BCP 47 language tag of the name (fi, et, ru, en, pt-BR ...); null when the name is the same in every language or unknown.',
  })
  @IsOptional()
  @Matches(LANGUAGE_PATTERN, { message: 'language must be a BCP 47 tag such as fi, et, ru, en' })
  language?: string | null;
}

@InputType({
  description:
    'Where a written fact comes from: a public page (url), or a quote from a document already in the graph (document + quote + translation). A write without evidence is recorded as ASSERTED by the client.',
})
export class EvidenceInput {
  @Field(() => String, {
    nullable: true,
    description:
      'An http(s) URL of a public page that states the fact (EXTERNAL evidence); no user name or password in it.',
  })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, disallow_auth: true },
    { message: 'url must be an http(s) URL' },
  )
  // Checked first, so that the character is named: IsUrl passes bidi, invisible, control and
  // private-use characters and symbols in a host or path, and refuses some (U+FEFF, user info)
  // without saying which or why.
  @SafeUrl()
  url?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Global id of a Document in the graph that states the fact.',
  })
  @IsOptional()
  @Length(1, 200)
  document?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Verbatim from the document, whole words (required with document): the words that state the fact, at least 2 words and 3 letters or digits (one word or number states nothing).',
  })
  @ValidateIf((e: EvidenceInput) => e.document !== undefined && e.document !== null)
  // IsDefined: type-graphql validates with skipMissingProperties, which skips Length on an
  // absent quote; a STATED fact without its quote must not pass.
  @IsDefined({ message: 'quote is required with document' })
  @Length(1, 2000, { message: 'quote is required with document (1-2000 characters)' })
  @SafeText('prose')
  quote?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'English rendering of the quote, up to 4000 characters; leave it out when the quote is in English.',
  })
  @IsOptional()
  @Length(1, 4000)
  @SafeText('prose')
  translation?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'How directly the quote says the fact: STATED (in so many words, the default) or INFERRED (it follows from what the quote says).',
  })
  @IsOptional()
  @IsIn(['STATED', 'INFERRED'])
  confidence?: string | null;
}

/**
 * The fields every entity's create input has; each type's input extends it with its own.
 * Registered as an input type so that type-graphql passes its fields on to subclasses; no
 * argument uses it, so it does not appear in the schema.
 */
@InputType()
export abstract class CreateEntityInputBase {
  @Field({
    description: `The name in the source language, as its first source writes it; 1 to ${MAX_NAME_LENGTH} characters on one line. Other languages go in aliases.`,
  })
  @Length(1, MAX_NAME_LENGTH)
  @SafeText()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Lower-case letters, digits and single dashes; unique per type. Made from the name when absent.',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and single dashes' })
  @MaxLength(100)
  slug?: string | null;

  @Field(() => [AliasInput], {
    nullable: true,
    description:
      'Other names (translations, abbreviations, spellings), at most 50; none repeats another or the name. Absent or null: none.',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  aliases?: AliasInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'A few sentences about it in English, up to 5000 characters; null for none.',
  })
  @IsOptional()
  @MaxLength(5000)
  @SafeText('prose')
  description?: string | null;

  @Field(() => [EvidenceInput], {
    nullable: true,
    description:
      'Sources for the entity, at most 20; without any, it is recorded as ASSERTED by the calling client.',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  evidence?: EvidenceInput[] | null;
}

/**
 * An optional http(s) URL field (website, url) with one message for every input, under the text
 * rule for one-line values (src/shared/text.ts).
 */
export function UrlField(description: string): PropertyDecorator {
  return (target, key) => {
    Field(() => String, {
      nullable: true,
      description: `${description} An http(s) URL without user name or password; null for none.`,
    })(target, key);
    IsOptional()(target, key);
    // Before IsUrl, so that a bidi, invisible or control character is named (see EvidenceInput).
    SafeUrl()(target, key);
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, disallow_auth: true },
      { message: `${String(key)} must be an http(s) URL` },
    )(target, key);
  };
}

/** The name again, optional: update inputs change only what they are given. */
export function OptionalName(): PropertyDecorator {
  return (target, key) => {
    Field(() => String, {
      nullable: true,
      description: `A new name, 1 to ${MAX_NAME_LENGTH} characters on one line; absent keeps the current one, null is refused (every entity has a name). The slug does not change with it.`,
    })(target, key);
    IsOptional()(target, key);
    Length(1, MAX_NAME_LENGTH)(target, key);
    SafeText()(target, key);
  };
}
