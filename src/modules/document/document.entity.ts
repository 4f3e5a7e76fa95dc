/** The Document entity type's one declaration: its object type, inputs, seed shape and generator words. */
import { declareEntity } from '../entity/entity.declaration';
import { Document } from './document.type';

export const DOCUMENT_ENTITY = declareEntity({
  label: 'Document',
  type: Document,
  // No createX/updateX mutations: documents come with their verbatim text through the seed
  // loader or addDocument (document.resolver.ts), which stores a text once.
  // No seed record of its own: a seed file's `document:` section (seed.schema.ts) holds it.
  intro: [
    'Lähteinä mainitaan',
    'Allikatena on nimetatud',
    'В качестве источников названы',
    'The sources named are',
  ],
});
