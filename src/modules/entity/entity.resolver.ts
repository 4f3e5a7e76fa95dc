/** node(id:), entity(type:, slug:) and the fields every entity shares. Thin: the service does the work. */
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { EntityType } from '../../shared/enums';
import { Evidence } from '../evidence/evidence.type';
import type { InteractionService } from '../interaction/interaction.service';
import { EntityInterface, NodeInterface } from './entity.type';
import type { EntityService } from './entity.service';

@Resolver(() => EntityInterface)
export class EntityResolver {
  constructor(
    private readonly entities: EntityService,
    private readonly interactions: InteractionService,
  ) {}

  @Query(() => NodeInterface, {
    nullable: true,
    description: 'Any object by its global id; null when there is none.',
  })
  async node(
    @Arg('id', () => ID, {
      description:
        "A global id as given by any object's id field; an id of a deleted object, or one that is not ours, answers null.",
    })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<NodeInterface | null> {
    return (
      (await this.entities.byGlobalId(ctx, id)) ?? (await this.interactions.byGlobalId(ctx, id))
    );
  }

  @Query(() => EntityInterface, {
    nullable: true,
    description: 'An entity by its type and slug; null when there is none.',
  })
  entity(
    @Arg('type', () => EntityType, { description: 'The entity type the slug belongs to.' })
    type: keyof typeof EntityType,
    @Arg('slug', {
      description: 'The slug, exactly as stored (e.g. sitra); slugs are unique per type only.',
    })
    slug: string,
    @Ctx() ctx: Context,
  ): Promise<EntityInterface | null> {
    return this.entities.bySlug(ctx, type, slug);
  }

  @FieldResolver(() => [Evidence], {
    description:
      'The sources for this entity: quotes from documents that mention or describe it, public pages, or the client that asserted it. Empty when none was recorded.',
  })
  evidence(@Root() entity: EntityInterface, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.entityEvidence(ctx, entity);
  }
}
