/**
 * Documents added through the API are stored once per text: the SHA-256 of the text is unique
 * per Document (the seed documents carry it already), which also makes concurrent adds of one
 * text MERGE into one node. A range index on the language serves the documents list's filter (the
 * date has one since 002).
 */
import type { Migration } from './migration';

export const migration: Migration = {
  id: '007_documents',
  description: 'documents unique by the hash of their text; an index on their language',
  statements: [
    'CREATE CONSTRAINT document_sha256 IF NOT EXISTS FOR (d:Document) REQUIRE d.sha256 IS UNIQUE',
    'CREATE INDEX document_language IF NOT EXISTS FOR (d:Document) ON (d.language)',
  ],
};
