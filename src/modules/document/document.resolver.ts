/** addDocument, documents, Document.mentions and Entity.mentionedIn. Thin: the service works. */
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionPage, type ConnectionShape } from '../../shared/connection';
import type { Context } from '../request/context';
import type { EntityObject } from '../entity/entity.record';
import { EntityInterface } from '../entity/entity.type';
import { AddDocumentInput, DocumentFilter } from './document.inputs';
import type { DocumentService } from './document.service';
import { Document, DocumentConnection, MentionConnection, type Mention } from './document.type';

@Resolver(() => Document)
export class DocumentResolver {
  constructor(private readonly service: DocumentService) {}

  @Authorized('editor')
  @Mutation(() => Document, {
    description:
      'Stores a source document and, in the same transaction, the mentions of known entities found in its text (names and aliases in any language, inflected forms included). The same text again answers the document stored first and changes nothing. Needs an editor or admin credential.',
  })
  addDocument(
    @Arg('input', () => AddDocumentInput, {
      description: 'The document: title, language and text, and optionally where it comes from.',
    })
    input: AddDocumentInput,
    @Ctx() ctx: Context,
  ): Promise<EntityObject> {
    return this.service.add(ctx, input);
  }

  @Query(() => DocumentConnection, {
    description:
      'Every document, newest first (undated last), a page at a time (first/after or last/before: 20 by default, at most 100), narrowed by filter.',
  })
  documents(
    @Ctx() ctx: Context,
    @Arg('filter', () => DocumentFilter, {
      nullable: true,
      description: 'Which documents to keep; absent keeps all.',
    })
    filter?: DocumentFilter,
    @ConnectionPage() page: ConnectionArgs = {},
  ): Promise<ConnectionShape<EntityObject>> {
    return this.service.list(ctx, filter, page);
  }

  @FieldResolver(() => MentionConnection, {
    description:
      'The entities this document mentions, in order of their first mention, each with where it is named; hand-made mentions of the seed documents (without offsets) come last.',
  })
  mentions(
    @Root() document: EntityObject,
    @Ctx() ctx: Context,
    @ConnectionPage() page: ConnectionArgs = {},
  ): Promise<ConnectionShape<Mention>> {
    return this.service.mentions(ctx, document, page);
  }
}

@Resolver(() => EntityInterface)
export class MentionedInResolver {
  constructor(private readonly service: DocumentService) {}

  @FieldResolver(() => DocumentConnection, {
    description:
      'The documents that mention this entity, newest first (undated last), a page at a time.',
  })
  mentionedIn(
    @Root() entity: EntityInterface,
    @Ctx() ctx: Context,
    @ConnectionPage() page: ConnectionArgs = {},
  ): Promise<ConnectionShape<EntityObject>> {
    return this.service.mentionedIn(ctx, entity, page);
  }
}
