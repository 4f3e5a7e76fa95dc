/** Inputs of the place mutations. */
import { IsISO31661Alpha2, IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PlaceKind } from '../../shared/enums';
import { CreateEntityInputBase, OptionalName } from '../../shared/inputs';

const COUNTRY_MESSAGE = 'country must be an ISO 3166-1 alpha-2 code such as FI';

@InputType({ description: 'A new place. Without slug, one is made from the name.' })
export class CreatePlaceInput extends CreateEntityInputBase {
  @Field(() => PlaceKind, { description: 'The scale of the place (city, region, country ...).' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Country it lies in, as an existing ISO 3166-1 alpha-2 code in upper case (FI, EE, RU); null for none or unknown.',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: COUNTRY_MESSAGE })
  // The code must also exist (XX or ZZ look right and name no country).
  @IsISO31661Alpha2({ message: COUNTRY_MESSAGE })
  country?: string | null;
}

@InputType({
  description:
    'Changes to a place: only the fields given change; null clears an optional field. The name, slug, kind, status, aliases and evidence cannot be cleared, so null is refused for them.',
})
export class UpdatePlaceInput extends CreatePlaceInput {
  @OptionalName()
  declare name: string;

  @Field(() => PlaceKind, {
    nullable: true,
    description: 'A new kind; absent keeps the current one, null is refused.',
  })
  @IsOptional()
  declare kind: string;
}

export const PLACE_FIELDS = ['kind', 'country'] as const;
