/**
 * The fields people and organisations share (invitationsSent, invitationsReceived,
 * presentations, participations, questions, proposals, collaborators), declared once in an abstract resolver that PersonResolver and
 * OrganisationResolver extend (type-graphql resolver inheritance).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root, type ClassType } from 'type-graphql';
import {
  pageSize,
  type ConnectionShape,
  ConnectionArgs,
  ConnectionPage,
} from '../../shared/connection';
import type { Context } from '../request/context';
import { INVITATION_PARTIES, PRESENTATION_PARTIES, partiesAsked } from '../../shared/selection';
import type { EntityObject } from '../entity/entity.record';
import { InvitationConnection, type Invitation } from '../invitation/invitation.type';
import { PresentationConnection, type Presentation } from '../presentation/presentation.type';
import { Proposal } from '../proposal/proposal.type';
import { Question } from '../question/question.type';
import type { ActorService } from './actor.service';
import {
  Collaboration,
  CollaborationConnection,
  ParticipationConnection,
} from './relationship.type';

export function ActorFields<T extends object>(objectType: ClassType<T>) {
  @Resolver(() => objectType)
  abstract class ActorFieldsResolver {
    constructor(protected readonly actors: ActorService) {}

    @FieldResolver(() => InvitationConnection, {
      description: 'Invitations this one extended, oldest first.',
    })
    invitationsSent(
      @Root() actor: EntityObject,
      @Ctx() ctx: Context,
      @ConnectionPage() page: ConnectionArgs = {},
      @Info() info?: GraphQLResolveInfo,
    ): Promise<ConnectionShape<Invitation>> {
      const parties = partiesAsked(info, [['edges'], ['node'], INVITATION_PARTIES]);
      return this.actors.invitations(ctx, actor, 'sent', page, parties);
    }

    @FieldResolver(() => InvitationConnection, {
      description: 'Invitations this one received, oldest first.',
    })
    invitationsReceived(
      @Root() actor: EntityObject,
      @Ctx() ctx: Context,
      @ConnectionPage() page: ConnectionArgs = {},
      @Info() info?: GraphQLResolveInfo,
    ): Promise<ConnectionShape<Invitation>> {
      const parties = partiesAsked(info, [['edges'], ['node'], INVITATION_PARTIES]);
      return this.actors.invitations(ctx, actor, 'received', page, parties);
    }

    @FieldResolver(() => PresentationConnection, {
      description: 'Presentations this one gave, oldest first.',
    })
    presentations(
      @Root() actor: EntityObject,
      @Ctx() ctx: Context,
      @ConnectionPage() page: ConnectionArgs = {},
      @Info() info?: GraphQLResolveInfo,
    ): Promise<ConnectionShape<Presentation>> {
      const parties = partiesAsked(info, [['edges'], ['node'], PRESENTATION_PARTIES]);
      return this.actors.presentations(ctx, actor, 'GAVE', page, parties);
    }

    @FieldResolver(() => ParticipationConnection, {
      description:
        'Events this one took part in, with role and evidence; oldest first (undated last), then by name.',
    })
    participations(
      @Root() actor: EntityObject,
      @Ctx() ctx: Context,
      @ConnectionPage() page: ConnectionArgs = {},
    ): Promise<ParticipationConnection> {
      return this.actors.participations(ctx, actor, page);
    }

    @FieldResolver(() => [Question], {
      description: 'Questions this one asked, oldest first (undated last).',
    })
    questions(@Root() actor: EntityObject, @Ctx() ctx: Context): Promise<Question[]> {
      return this.actors.questions(ctx, actor);
    }

    @FieldResolver(() => [Proposal], {
      description: 'Ideas this one put forward, oldest first (undated last).',
    })
    proposals(@Root() actor: EntityObject, @Ctx() ctx: Context): Promise<Proposal[]> {
      return this.actors.proposals(ctx, actor);
    }

    @FieldResolver(() => [Collaboration], {
      deprecationReason:
        'Use collaborations: the same list as a connection, paged with first/after or last/before to its end; collaborators stops after its first 100.',
      description:
        'Others met at the same events or projects, most shared first (then by name): at most the first 100, with no next page. Deprecated: collaborations pages through them all.',
    })
    collaborators(
      @Root() actor: EntityObject,
      @Ctx() ctx: Context,
      @Arg('first', () => Int, {
        nullable: true,
        defaultValue: 20,
        description: 'How many to list, from the most shared: 0 to 100, default 20.',
      })
      first?: number,
    ): Promise<Collaboration[]> {
      return this.actors.collaborators(ctx, actor, pageSize(first, 'first'));
    }

    @FieldResolver(() => CollaborationConnection, {
      description:
        'Others met at the same events or projects, with what was shared: most shared first, then by name (lower case), then id. A connection: first/after or last/before.',
    })
    collaborations(
      @Root() actor: EntityObject,
      @Ctx() ctx: Context,
      @ConnectionPage() page: ConnectionArgs = {},
    ): Promise<ConnectionShape<Collaboration>> {
      return this.actors.collaborations(ctx, actor, page);
    }
  }
  return ActorFieldsResolver;
}
