/** Evidence of relationship-shaped results (affiliations, participations). */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context';
import type { EntityService } from '../entity/entity.service';
import { Evidence } from '../evidence/evidence.type';
import { Affiliation, ParticipationEdge } from './relationship.type';

@Resolver(() => Affiliation)
export class AffiliationResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => [Evidence])
  evidence(@Root() affiliation: Affiliation, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, affiliation.evidenceIds);
  }
}

@Resolver(() => ParticipationEdge)
export class ParticipationResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => [Evidence])
  evidence(@Root() edge: ParticipationEdge, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, edge.evidenceIds);
  }
}
