/** Cities, regions, countries: the Place object type. */
import { Field, ObjectType } from 'type-graphql';
import { PlaceKind } from '../../shared/enums';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({ ...IMPLEMENTS_ENTITY, description: 'A city, town, district, region or country.' })
export class Place extends EntityInterface {
  @Field(() => PlaceKind)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;
}
