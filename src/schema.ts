/**
 * Builds the GraphQL schema from the module resolvers (type-graphql, code first), wires each
 * resolver to its services, and prints the SDL for schema/schema.graphql.
 */
import 'reflect-metadata';
import {
  isInterfaceType,
  isUnionType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLAbstractType,
  type GraphQLSchema,
} from 'graphql';
import { buildSchema } from 'type-graphql';
import type { Database } from './db/database';
import { EntityListRepository } from './modules/entity/entity-list.repository';
import { EntityListService } from './modules/entity/entity-list.service';
import { EntityRepository } from './modules/entity/entity.repository';
import { EntityResolver } from './modules/entity/entity.resolver';
import { EntityService } from './modules/entity/entity.service';
import { entityWriteResolver } from './modules/entity/entity-write.resolver';
import { ENTITY_DECLARATIONS } from './modules/entity/entity.registry';
import { EvidenceRepository } from './modules/evidence/evidence.repository';
import { EvidenceResolver } from './modules/evidence/evidence.resolver';
import { InteractionRepository } from './modules/interaction/interaction.repository';
import { InteractionService } from './modules/interaction/interaction.service';
import { InteractionWriteRepository } from './modules/interaction/interaction-write.repository';
import { InteractionWriteResolver } from './modules/interaction/interaction-write.resolver';
import { InteractionWriteService } from './modules/interaction/interaction-write.service';
import { InvitationRepository } from './modules/invitation/invitation.repository';
import { InvitationResolver } from './modules/invitation/invitation.resolver';
import { InvitationService } from './modules/invitation/invitation.service';
import { ActorService } from './modules/relationship/actor.service';
import { RelationshipRepository } from './modules/relationship/relationship.repository';
import { RelationshipService } from './modules/relationship/relationship.service';
import {
  AffiliationResolver,
  LinkResolver,
  ParticipationResolver,
} from './modules/relationship/relationship.resolver';
import { EntityWriteRepository } from './modules/entity/entity-write.repository';
import { EntityWriteService } from './modules/entity/entity-write.service';
import { PresentationResolver } from './modules/presentation/presentation.resolver';
import { PresentationService } from './modules/presentation/presentation.service';
import { ProposalResolver } from './modules/proposal/proposal.resolver';
import { ProposalService } from './modules/proposal/proposal.service';
import { QuestionResolver } from './modules/question/question.resolver';
import { QuestionService } from './modules/question/question.service';
import { SearchRepository } from './modules/search/search.repository';
import { SearchResolver } from './modules/search/search.resolver';
import { SearchService } from './modules/search/search.service';
import { EventResolver } from './modules/event/event.resolver';
import { EventEffectiveResolver } from './modules/event/event-effective.resolver';
import { EventRepository } from './modules/event/event.repository';
import {
  AwardRecipientResolver,
  AwardResolver,
  EventAwardsResolver,
} from './modules/award/award.resolver';
import { AwardService } from './modules/award/award.service';
import { OrganisationResolver } from './modules/organisation/organisation.resolver';
import { PersonResolver } from './modules/person/person.resolver';
import { SystemResolver } from './modules/system/system.resolver';
import { SystemRepository } from './modules/system/system.repository';
import { SystemService } from './modules/system/system.service';
import { DEFAULT_POOL_LIMITS, type PoolLimits } from './modules/analytics/analytics.pool';
import { AnalyticsRepository } from './modules/analytics/analytics.repository';
import {
  AnalyticsResolver,
  PathStepResolver,
  SubgraphEdgeResolver,
} from './modules/analytics/analytics.resolver';
import { AnalyticsService } from './modules/analytics/analytics.service';
import { ExportRepository } from './modules/export/export.repository';
import { ExportService } from './modules/export/export.service';
import { AuditRepository, AuditResolver } from './modules/audit/audit';
import { ChangeRepository, ChangeResolver } from './modules/change/change';
import { ApiKeyRepository } from './modules/auth/api-key.repository';
import { ApiKeyResolver } from './modules/auth/api-key.resolver';
import { authChecker } from './modules/auth/auth.checker';
import { AuthService, type JwtConfig } from './modules/auth/auth.service';
import { ResolverContainer } from './shared/container';
import { DocumentRepository } from './modules/document/document.repository';
import { DocumentResolver, MentionedInResolver } from './modules/document/document.resolver';
import { DocumentService } from './modules/document/document.service';
import { Allowlist } from './modules/webhook/webhook.address';
import { WebhookRepository } from './modules/webhook/webhook.repository';
import { WebhookResolver } from './modules/webhook/webhook.resolver';
import { WebhookService } from './modules/webhook/webhook.service';
import { ImportResolver } from './modules/import/import.resolver';
import { ImportService, type ImportLimits } from './modules/import/import.service';
import { describeRootTypes } from './shared/root-types';

const NO_JWT: JwtConfig = {
  secret: undefined,
  jwksUrl: undefined,
  issuer: undefined,
  audience: undefined,
};
import { createLoaders, type Loaders, type Repositories } from './modules/request/loaders';

export interface Services {
  audit: AuditRepository;
  changes: ChangeRepository;
  auth: AuthService;
  apiKeys: ApiKeyRepository;
  system: SystemService;
  entities: EntityService;
  lists: EntityListService;
  writes: EntityWriteService;
  interactionWrites: InteractionWriteService;
  /** Any interaction by id, as the object of its kind. */
  interactions: InteractionService;
  actors: ActorService;
  relationships: RelationshipService;
  awards: AwardService;
  invitations: InvitationService;
  presentations: PresentationService;
  proposals: ProposalService;
  questions: QuestionService;
  search: SearchService;
  analytics: AnalyticsService;
  exports: ExportService;
  documents: DocumentService;
  /** Webhook endpoints (admins) and, for the dispatcher, their deliveries' bookkeeping. */
  webhooks: WebhookService;
  webhookRepository: WebhookRepository;
  imports: ImportService;
  /** Fresh DataLoaders for one request. */
  loaders(requestId: string): Loaders;
}

export function createServices(
  db: Database,
  jwt: JwtConfig = NO_JWT,
  analyticsPool: Readonly<PoolLimits> = DEFAULT_POOL_LIMITS,
  /** WEBHOOK_ALLOWLIST: internal hosts and subnets webhooks may reach. */
  webhookAllowlist: readonly string[] = [],
  importLimits: ImportLimits = { batchSize: 1000, maxLineBytes: 64 * 1024 },
): Services {
  const repos: Repositories = {
    entities: new EntityRepository(db),
    evidence: new EvidenceRepository(db),
    interactions: new InteractionRepository(db),
    relationships: new RelationshipRepository(db),
    events: new EventRepository(db),
  };
  const entities = new EntityService(repos.entities);
  const relationships = new RelationshipService();
  const entityWriteRepository = new EntityWriteRepository(db);
  const writes = new EntityWriteService(entityWriteRepository);
  const actors = new ActorService(relationships, entities);
  const interactionWriteRepository = new InteractionWriteRepository(db);
  const interactionWrites = new InteractionWriteService(interactionWriteRepository, writes);
  const interactions = new InteractionService();
  const invitations = new InvitationService(
    new InvitationRepository(db),
    entities,
    interactionWrites,
  );
  const analytics = new AnalyticsService(
    new AnalyticsRepository(db),
    entities,
    interactions,
    analyticsPool,
  );
  const apiKeys = new ApiKeyRepository(db);
  const webhookRepository = new WebhookRepository(db);
  return {
    audit: new AuditRepository(db),
    changes: new ChangeRepository(db),
    auth: new AuthService(apiKeys, jwt),
    apiKeys,
    system: new SystemService(new SystemRepository(db)),
    entities,
    lists: new EntityListService(new EntityListRepository(db)),
    writes,
    interactionWrites,
    interactions,
    actors,
    relationships,
    awards: new AwardService(relationships),
    invitations,
    presentations: new PresentationService(interactionWrites),
    proposals: new ProposalService(interactionWrites),
    questions: new QuestionService(interactionWrites),
    search: new SearchService(new SearchRepository(db)),
    analytics,
    exports: new ExportService(new ExportRepository(db), analytics),
    documents: new DocumentService(new DocumentRepository(db, entityWriteRepository)),
    webhooks: new WebhookService(webhookRepository, new Allowlist(webhookAllowlist)),
    webhookRepository,
    imports: new ImportService(
      db,
      writes,
      { service: interactionWrites, repository: interactionWriteRepository },
      importLimits,
    ),
    loaders: (requestId) => createLoaders(repos, requestId),
  };
}

export async function createSchema(services: Services): Promise<GraphQLSchema> {
  const container = new ResolverContainer()
    .register(SystemResolver, new SystemResolver(services.system))
    .register(EntityResolver, new EntityResolver(services.entities, services.interactions))
    .register(EvidenceResolver, new EvidenceResolver(services.entities))
    .register(InvitationResolver, new InvitationResolver(services.invitations, services.entities))
    .register(SearchResolver, new SearchResolver(services.search))
    .register(OrganisationResolver, new OrganisationResolver(services.lists, services.actors))
    .register(PersonResolver, new PersonResolver(services.lists, services.actors))
    .register(
      PresentationResolver,
      new PresentationResolver(services.entities, services.presentations),
    )
    .register(AffiliationResolver, new AffiliationResolver(services.entities))
    .register(ParticipationResolver, new ParticipationResolver(services.entities))
    .register(LinkResolver, new LinkResolver(services.writes))
    .register(ProposalResolver, new ProposalResolver(services.entities, services.proposals))
    .register(QuestionResolver, new QuestionResolver(services.entities, services.questions))
    .register(InteractionWriteResolver, new InteractionWriteResolver(services.interactionWrites))
    .register(AnalyticsResolver, new AnalyticsResolver(services.analytics))
    .register(ApiKeyResolver, new ApiKeyResolver(services.apiKeys))
    .register(AuditResolver, new AuditResolver(services.audit))
    .register(ChangeResolver, new ChangeResolver(services.changes))
    .register(PathStepResolver, new PathStepResolver(services.entities))
    .register(SubgraphEdgeResolver, new SubgraphEdgeResolver(services.entities))
    .register(
      EventResolver,
      new EventResolver(services.lists, services.relationships, services.actors),
    )
    .register(EventEffectiveResolver, new EventEffectiveResolver())
    .register(AwardResolver, new AwardResolver(services.awards))
    .register(AwardRecipientResolver, new AwardRecipientResolver(services.entities))
    .register(EventAwardsResolver, new EventAwardsResolver(services.awards))
    .register(DocumentResolver, new DocumentResolver(services.documents))
    .register(MentionedInResolver, new MentionedInResolver(services.documents))

    .register(WebhookResolver, new WebhookResolver(services.webhooks))
    .register(ImportResolver, new ImportResolver(services.imports));
  // createX / upsertX / updateX / deleteX for every entity type that declares its inputs (not
  // Document: documents come through the seed loader or addDocument, document.resolver.ts).
  const writeResolvers = ENTITY_DECLARATIONS.flatMap((d) =>
    d.writes
      ? [entityWriteResolver(d.label, d.type, d.writes.create, d.writes.update, d.writes.fields)]
      : [],
  );
  for (const resolver of writeResolvers)
    container.register(resolver, new resolver(services.writes));
  return describeRootTypes(
    await buildSchema({
      resolvers: container.resolvers(),
      container,
      // Resolvers return the Entity interface; the concrete types must still be in the schema.
      orphanedTypes: ENTITY_DECLARATIONS.map((d) => d.type),
      validate: true,
      authChecker,
    }),
  );
}

/** The SDL checked in as schema/schema.graphql: sorted, so that diffs show real changes only. */
export function printSdl(schema: GraphQLSchema): string {
  const header = '# Generated from the code by `npm run schema:emit`; do not edit by hand.\n\n';
  return `${header}${printSchema(lexicographicSortSchema(schema))}\n`;
}

/**
 * schema/possible-types.json: each interface and union with the object types that implement or
 * make it up, the map Apollo Client's InMemoryCache takes as `possibleTypes` (without it,
 * fragments on `Node` or `Entity` match nothing and their fields are lost from the cache), also
 * what introspection would give, published for when introspection is off.
 */
export function printPossibleTypes(schema: GraphQLSchema): string {
  const map: Record<string, string[]> = {};
  const abstract = Object.values(schema.getTypeMap())
    .filter((t) => (isInterfaceType(t) || isUnionType(t)) && !t.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const type of abstract)
    map[type.name] = schema
      .getPossibleTypes(type as GraphQLAbstractType)
      .map((t) => t.name)
      .sort();
  return `${JSON.stringify(map, null, 2)}\n`;
}

/** The schema without a database, for emitting SDL (resolvers are never called). */
export function createOfflineSchema(): Promise<GraphQLSchema> {
  return createSchema(createServices(null as unknown as Database));
}
