/** Inputs of the organisation queries and mutations. */
import { IsISO31661Alpha2, IsOptional, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OrganisationKind } from '../../shared/enums';
import { CreateEntityInputBase, UrlField, OptionalName } from '../../shared/inputs';

const COUNTRY_MESSAGE = 'country must be an ISO 3166-1 alpha-2 code such as FI';

@InputType({
  description: 'Narrows organisations; every field is optional and they combine with AND.',
})
export class OrganisationFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Keeps organisations whose name or an alias contains this text, in any case (a substring, not a search: search tolerates diacritics and typos).',
  })
  name?: string | null;

  @Field(() => OrganisationKind, {
    nullable: true,
    description: 'Keeps organisations of this kind only.',
  })
  kind?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Keeps organisations whose own country is this ISO 3166-1 alpha-2 code, upper case (e.g. FI).',
  })
  country?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Global id of an entity linked to the organisation, directly or through an interaction.',
  })
  relatedTo?: string | null;
}

@InputType({
  description:
    'A new organisation. Without slug, one is made from the name. Without evidence, the fact is ASSERTED by the client.',
})
export class CreateOrganisationInput extends CreateEntityInputBase {
  @Field(() => OrganisationKind, { description: 'What sort of body it is; OTHER if none fits.' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Country of its seat, as an existing ISO 3166-1 alpha-2 code in upper case (FI, EE, RU); null when unknown.',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: COUNTRY_MESSAGE })
  // The code must also exist (XX or ZZ look right and name no country).
  @IsISO31661Alpha2({ message: COUNTRY_MESSAGE })
  country?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Year it was founded, 1000 to 2100; null when unknown.',
  })
  @IsOptional()
  @Min(1000)
  @Max(2100)
  foundedYear?: number | null;

  @UrlField('Its official website.')
  website?: string | null;
}

@InputType({
  description:
    'Changes to an organisation: only the fields given change; null clears an optional field. The name, slug, kind, status, aliases and evidence cannot be cleared, so null is refused for them.',
})
export class UpdateOrganisationInput extends CreateOrganisationInput {
  @OptionalName()
  declare name: string;

  @Field(() => OrganisationKind, {
    nullable: true,
    description: 'A new kind; absent keeps the current one, null is refused.',
  })
  @IsOptional()
  declare kind: string;
}

export const ORGANISATION_FIELDS = ['kind', 'country', 'foundedYear', 'website'] as const;
