/** deleteInteraction: any kind. Each kind records itself (invitation/, presentation/, ...). */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../request/context';
import type { InteractionWriteService } from './interaction-write.service';

@Resolver()
export class InteractionWriteResolver {
  constructor(private readonly interactions: InteractionWriteService) {}

  @Authorized('editor')
  @Mutation(() => ID, {
    description:
      'Deletes an invitation, presentation, proposal or question with its links to its parties (the parties stay); NOT_FOUND for an unknown id. Returns the deleted id. Needs an editor or admin credential.',
  })
  deleteInteraction(
    @Arg('id', () => ID, { description: 'Global id of the interaction to delete.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return this.interactions.delete(ctx, id);
  }
}
