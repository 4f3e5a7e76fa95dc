/** Evidence of relationship-shaped results (affiliations, participations), and link/unlink. */
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { EntityWriteService } from '../entity/entity-write.service';
import { LinkInput, UnlinkInput } from './relationship.inputs';
import type { Context } from '../request/context';
import type { EntityService } from '../entity/entity.service';
import { Evidence } from '../evidence/evidence.type';
import { Affiliation, ParticipationEdge } from './relationship.type';
import { BadUserInputError } from '../../shared/errors';
import { fromGlobalId } from '../../shared/global-id';
import { selfLinkProblem } from '../../shared/model';

@Resolver(() => Affiliation)
export class AffiliationResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => [Evidence], {
    description:
      'The sources stating the affiliation: quotes, public pages, or the client that asserted it.',
  })
  evidence(@Root() affiliation: Affiliation, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, affiliation.evidenceIds);
  }
}

@Resolver(() => ParticipationEdge)
export class ParticipationResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => [Evidence], {
    description:
      'The sources stating the participation: quotes, public pages, or the client that asserted it.',
  })
  evidence(@Root() edge: ParticipationEdge, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, edge.evidenceIds);
  }
}

@Resolver()
export class LinkResolver {
  constructor(private readonly writes: EntityWriteService) {}

  @Authorized('editor')
  @Mutation(() => Boolean, {
    description:
      'Records a relationship between two entities; idempotent: linking again adds the new evidence to the existing relationship. The endpoints must fit the type (BAD_USER_INPUT otherwise). Answers true. Needs an editor or admin credential.',
  })
  async linkEntities(
    @Arg('input', () => LinkInput, {
      description: 'The two ends, the type, and what the relationship carries.',
    })
    input: LinkInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    // No relationship type links an entity to itself. (unlinkEntities stays open to such a link
    // made before this check, so that it can be removed.)
    const from = fromGlobalId(input.from)?.uuid;
    if (from !== undefined && from === fromGlobalId(input.to)?.uuid)
      throw new BadUserInputError(
        `input.to names the same entity as input.from; ${selfLinkProblem(input.type)}.`,
        'input.to',
      );
    await this.writes.link(ctx, input);
    return true;
  }

  @Authorized('editor')
  @Mutation(() => Boolean, {
    description:
      'Removes the relationship of this type from one entity to the other, with its role and dates; NOT_FOUND when there is none. Answers true. Needs an editor or admin credential.',
  })
  async unlinkEntities(
    @Arg('input', () => UnlinkInput, {
      description: 'The two ends and the type of the relationship to remove.',
    })
    input: UnlinkInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await this.writes.unlink(ctx, input);
    return true;
  }
}
