/**
 * The collaboration graph's schema: unique ids across all entities, interactions and evidence,
 * slugs unique per label, lookup indexes the API uses, and the full-text index over names and
 * aliases (analyzer standard-folding: folds case and diacritics, so "ruutelmann" finds
 * "Rüütelmann" and "PIETARI" finds "Pietari").
 */
import { ENTITY_LABELS, INTERACTION_LABELS } from '../../shared/model';
import type { Migration } from './migration';

const snake = (label: string): string => label.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

export const FULLTEXT_INDEX = 'entity_names';

export const migration: Migration = {
  id: '002_graph_model',
  description:
    'ids, per-label slugs, lookup indexes and the folding full-text index over names and aliases',
  statements: [
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (n:Interaction) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE',
    ...[...ENTITY_LABELS, ...INTERACTION_LABELS].map(
      (label) =>
        `CREATE CONSTRAINT ${snake(label)}_slug IF NOT EXISTS FOR (n:${label}) REQUIRE n.slug IS UNIQUE`,
    ),
    'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
    'CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind)',
    'CREATE INDEX organisation_country IF NOT EXISTS FOR (n:Organisation) ON (n.country)',
    'CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind)',
    'CREATE INDEX event_start_date IF NOT EXISTS FOR (n:Event) ON (n.startDate)',
    'CREATE INDEX place_country IF NOT EXISTS FOR (n:Place) ON (n.country)',
    'CREATE INDEX document_date IF NOT EXISTS FOR (n:Document) ON (n.date)',
    'CREATE INDEX interaction_date IF NOT EXISTS FOR (n:Interaction) ON (n.date)',
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasNames] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false}}`,
  ],
};
