/** invitations(filter:, first:, after:), recordInvitation and the parties of each invitation. */
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ConnectionArgs, ConnectionPage, type ConnectionShape } from '../../shared/connection';
import type { Context } from '../request/context';
import { INVITATION_PARTIES, partiesAsked } from '../../shared/selection';
import { EntityInterface } from '../entity/entity.type';
import { Organisation } from '../organisation/organisation.type';
import { entityOf } from '../entity/entity.record';
import type { EntityService } from '../entity/entity.service';
import { Evidence } from '../evidence/evidence.type';
import { RecordInvitationInput } from './invitation.inputs';
import { Invitation, InvitationConnection, InvitationFilter } from './invitation.type';
import type { InvitationService } from './invitation.service';

@Resolver(() => Invitation)
export class InvitationResolver {
  constructor(
    private readonly invitationService: InvitationService,
    private readonly entities: EntityService,
  ) {}

  @Query(() => InvitationConnection, {
    description:
      'Who invited whom to what, oldest first (undated last), a page at a time (first/after forwards or last/before backwards: 20 by default, at most 100).',
  })
  invitations(
    @Ctx() ctx: Context,
    @Arg('filter', () => InvitationFilter, {
      nullable: true,
      description: 'Which invitations to keep; absent keeps all.',
    })
    filter?: InvitationFilter,
    @ConnectionPage() page: ConnectionArgs = {},
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Invitation>> {
    const parties = partiesAsked(info, [['edges'], ['node'], INVITATION_PARTIES]);
    return this.invitationService.list(ctx, filter, page, parties);
  }

  @Authorized('editor')
  @Mutation(() => Invitation, {
    description:
      'Records who invited whom to what, in one transaction, and answers it as stored; recording the same slug again updates that invitation (idempotent). Needs an editor or admin credential.',
  })
  recordInvitation(
    @Arg('input', () => RecordInvitationInput, {
      description: 'The parties, summary, date and evidence of the invitation.',
    })
    input: RecordInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<Invitation> {
    return this.invitationService.record(ctx, input);
  }

  @FieldResolver(() => EntityInterface, { description: 'The person or organisation that invited.' })
  async inviter(@Root() invitation: Invitation, @Ctx() ctx: Context): Promise<EntityInterface> {
    const [inviter] = await this.invitationService.parties(ctx, invitation, 'EXTENDED', false);
    return inviter!;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: "The inviter's organisation, when the source says so.",
  })
  async onBehalfOf(
    @Root() invitation: Invitation,
    @Ctx() ctx: Context,
  ): Promise<Organisation | null> {
    const [organisation] = await this.invitationService.parties(
      ctx,
      invitation,
      'ON_BEHALF_OF',
      true,
    );
    return entityOf('Organisation', organisation);
  }

  @FieldResolver(() => [EntityInterface], {
    description: 'The people and organisations invited, at least one.',
  })
  invitees(@Root() invitation: Invitation, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.invitationService.parties(ctx, invitation, 'INVITES', true);
  }

  @FieldResolver(() => EntityInterface, { description: 'The event, project or group invited to.' })
  async target(@Root() invitation: Invitation, @Ctx() ctx: Context): Promise<EntityInterface> {
    const [target] = await this.invitationService.parties(ctx, invitation, 'TO', true);
    return target!;
  }

  @FieldResolver(() => [Evidence], {
    description:
      'The sources stating the invitation: quotes, public pages, or the client that asserted it.',
  })
  evidence(@Root() invitation: Invitation, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, invitation.evidenceIds);
  }
}
