/** A search result: the entity, its relevance, and the name or alias that matched. */
import { Field, Float, ObjectType } from 'type-graphql';
import { EntityInterface } from '../entity/entity.type';

@ObjectType({ description: 'One search result, best first.' })
export class SearchHit {
  @Field(() => EntityInterface)
  entity!: EntityInterface;

  @Field(() => Float, { description: 'Relevance from the full-text index; higher is better.' })
  score!: number;

  @Field({ description: 'The name or alias that matched, in its own language and spelling.' })
  matched!: string;
}
