/**
 * The collaboration graph's schema: unique ids across all entities, interactions and evidence,
 * slugs unique per label, lookup indexes the API uses, and the full-text index over names and
 * aliases (analyzer standard-folding: folds case and diacritics, so "ruutelmann" finds
 * "Rüütelmann" and "PIETARI" finds "Pietari").
 */
import { LABEL_CONSTRAINTS } from './constraints';
import type { Migration } from './migration';

export const FULLTEXT_INDEX = 'entity_names';

export const migration: Migration = {
  id: '002_graph_model',
  description:
    'ids, per-label slugs, lookup indexes and the folding full-text index over names and aliases',
  statements: [
    // The labels of its day; later labels get theirs from migrate's every-run constraint step.
    ...LABEL_CONSTRAINTS.map((c) => c.statement),
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
