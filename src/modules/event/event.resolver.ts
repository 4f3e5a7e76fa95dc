/** events(filter:, orderBy:, first:, after:). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { PRESENTATION_PARTIES, partiesAsked } from '../../shared/selection';
import { paginate, ConnectionArgs, ConnectionPage } from '../../shared/connection';
import type { Presentation } from '../presentation/presentation.type';
import { PresentationConnection } from '../presentation/presentation.type';
import type { ActorService } from '../relationship/actor.service';
import type { RelationshipService } from '../relationship/relationship.service';
import { ParticipationConnection } from '../relationship/relationship.type';
import { toProposal } from '../proposal/proposal.record';
import { toQuestion } from '../question/question.record';
import { Proposal } from '../proposal/proposal.type';
import { Question } from '../question/question.type';
import type { ConnectionShape } from '../../shared/connection';
import type { Context } from '../request/context';
import type { EntityOrder as Order } from '../entity/entity-list.repository';
import type { EntityListService } from '../entity/entity-list.service';
import { EntityOrder } from '../entity/entity-list.type';
import { entityOf, expectEntity, type EntityObject } from '../entity/entity.record';
import { EntityInterface } from '../entity/entity.type';
import { Event, EventConnection } from './event.type';
import { Place } from '../place/place.type';
import { EventFilter } from './event.inputs';

@Resolver(() => Event)
export class EventResolver {
  constructor(
    private readonly lists: EntityListService,
    private readonly relationships: RelationshipService,
    private readonly actors: ActorService,
  ) {}

  @Query(() => EventConnection, {
    description:
      'Every event in the graph, parts and series included, a page at a time (first/after forwards or last/before backwards: 20 by default, at most 100), narrowed by filter and sorted by orderBy.',
  })
  events(
    @Ctx() ctx: Context,
    @Arg('filter', () => EventFilter, {
      nullable: true,
      description: 'Which events to keep; absent keeps all.',
    })
    filter?: EventFilter,
    @Arg('orderBy', () => EntityOrder, {
      nullable: true,
      defaultValue: 'NAME',
      description:
        'The sort order (default NAME; START_DATE sorts by effectiveStartDate); ties are broken by id.',
    })
    orderBy?: Order,
    @ConnectionPage() page: ConnectionArgs = {},
  ): Promise<ConnectionShape<EntityObject>> {
    return this.lists.list(ctx, 'Event', filter, orderBy ?? 'NAME', page);
  }

  @FieldResolver(() => Place, {
    nullable: true,
    description:
      'Where the event took place, as stated (HELD_IN); null when its sources do not say (see effectivePlace).',
  })
  async place(
    @Root() event: EntityObject,
    @Ctx() ctx: Context,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Place | null> {
    const parties = partiesAsked(info);
    const [held] = await this.relationships.neighbours(ctx, event.uuid, 'HELD_IN', true, parties);
    return entityOf('Place', held?.entity);
  }

  @FieldResolver(() => Event, {
    nullable: true,
    description:
      'The event (or series) this one is a session, ceremony or edition of; null for a whole event.',
  })
  async partOf(@Root() event: EntityObject, @Ctx() ctx: Context): Promise<Event | null> {
    const [parent] = await this.relationships.neighbours(ctx, event.uuid, 'PART_OF', true);
    return entityOf('Event', parent?.entity);
  }

  @FieldResolver(() => [Event], {
    description:
      'Sessions, working groups, ceremonies or editions of this event, one level down; empty when it has none.',
  })
  async parts(@Root() event: EntityObject, @Ctx() ctx: Context): Promise<Event[]> {
    const parts = await this.relationships.neighbours(ctx, event.uuid, 'PART_OF', false);
    return parts.flatMap((p) => entityOf('Event', p.entity) ?? []);
  }

  @FieldResolver(() => [EntityInterface], {
    description:
      'People and organisations that organised or hosted the event (ORGANISED); empty when no source says.',
  })
  async organisers(
    @Root() event: EntityObject,
    @Ctx() ctx: Context,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<EntityInterface[]> {
    const parties = partiesAsked(info);
    const organisers = await this.relationships.neighbours(
      ctx,
      event.uuid,
      'ORGANISED',
      false,
      parties,
    );
    return organisers.map((o) => o.entity);
  }

  @FieldResolver(() => ParticipationConnection, {
    description:
      'People and organisations that took part, each edge with the role and evidence; sorted by name (case-insensitive), then id.',
  })
  async participants(
    @Root() event: EntityObject,
    @Ctx() ctx: Context,
    @ConnectionPage() page: ConnectionArgs = {},
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ParticipationConnection> {
    const participants = await this.relationships.neighbours(
      ctx,
      event.uuid,
      'PARTICIPATED_IN',
      false,
      partiesAsked(info, [['edges'], ['node', 'participant']]),
    );
    const connection = paginate(
      participants,
      // The role too: one may take part in an event in two roles, and each edge needs its own key.
      (p) => [p.entity.name.toLowerCase(), `${p.entity.uuid}|${p.link.role ?? ''}`],
      page,
      { scope: 'participants' },
    );
    return {
      ...connection,
      edges: connection.edges.map((e) => ({
        cursor: e.cursor,
        node: e.node.entity,
        event: expectEntity('Event', event),
        participant: e.node.entity,
        role: e.node.link.role,
        evidenceIds: e.node.link.evidenceIds,
      })),
    };
  }

  @FieldResolver(() => PresentationConnection, {
    description: 'Presentations given at the event (this event only, not its parts), oldest first.',
  })
  presentations(
    @Root() event: EntityObject,
    @Ctx() ctx: Context,
    @ConnectionPage() page: ConnectionArgs = {},
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Presentation>> {
    const parties = partiesAsked(info, [['edges'], ['node'], PRESENTATION_PARTIES]);
    return this.actors.presentations(ctx, event, 'AT', page, parties);
  }

  @FieldResolver(() => [Proposal], {
    description:
      'Ideas, proposals and suggestions put forward at the event; empty when none is recorded.',
  })
  async proposals(@Root() event: EntityObject, @Ctx() ctx: Context): Promise<Proposal[]> {
    return (await this.relationships.interactions(ctx, event.uuid, 'AT', 'Proposal')).map(
      toProposal,
    );
  }

  @FieldResolver(() => [Question], {
    description:
      'Questions asked at the event, with their askers and answers; empty when none is recorded.',
  })
  async questions(@Root() event: EntityObject, @Ctx() ctx: Context): Promise<Question[]> {
    return (await this.relationships.interactions(ctx, event.uuid, 'AT', 'Question')).map(
      toQuestion,
    );
  }
}
