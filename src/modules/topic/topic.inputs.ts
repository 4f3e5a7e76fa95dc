/** Inputs of the topic mutations. */
import { InputType } from 'type-graphql';
import { CreateEntityInputBase, OptionalName } from '../../shared/inputs';

@InputType({ description: 'A new topic. Without slug, one is made from the name.' })
export class CreateTopicInput extends CreateEntityInputBase {}

@InputType({
  description:
    'Changes to a topic: only the fields given change; null clears an optional field. The name, slug, kind, status, aliases and evidence cannot be cleared, so null is refused for them.',
})
export class UpdateTopicInput extends CreateTopicInput {
  @OptionalName()
  declare name: string;
}
