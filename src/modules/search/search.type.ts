/** A search result: the entity, its relevance, and the name or alias that matched. */
import { Field, Float, ObjectType } from 'type-graphql';
import { EntityInterface } from '../entity/entity.type';

@ObjectType({ description: 'One search result, best first.' })
export class SearchHit {
  @Field(() => EntityInterface, {
    description: 'The entity found; ask for its fields with ... on Organisation and the like.',
  })
  entity!: EntityInterface;

  @Field(() => Float, {
    description:
      'Relevance from the full-text index; higher is better. A name or alias that is the query itself (any case, diacritics or punctuation) comes first whatever its score, then one that is the query but for stop words.',
  })
  score!: number;

  @Field({ description: 'The name or alias that matched, in its own language and spelling.' })
  matched!: string;
}
