/** Evidence.document: the source document of a STATED quote, through the entity loader. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { Document } from '../document/document.type';
import type { EntityService } from '../entity/entity.service';
import { Evidence } from './evidence.type';

@Resolver(() => Evidence)
export class EvidenceResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => Document, {
    nullable: true,
    description: 'STATED: the Document the quote comes from; null for the other kinds.',
  })
  async document(@Root() evidence: Evidence, @Ctx() ctx: Context): Promise<Document | null> {
    if (!evidence.documentId) return null;
    return (await this.entities.byUuid(ctx, evidence.documentId, 'Document')) as Document | null;
  }
}
