/** Cities, regions, countries: the Place object type. */
import { Field, ObjectType } from 'type-graphql';
import { PlaceKind } from '../../shared/enums';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A city, town, district, region or country where events are held and organisations are based; a place may be PART_OF a larger one.',
})
export class Place extends EntityInterface {
  @Field(() => PlaceKind, { description: 'The scale of the place (city, region, country ...).' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 3166-1 alpha-2 code of the country it lies in (its own code for a country); null for a region spanning several.',
  })
  country!: string | null;
}
