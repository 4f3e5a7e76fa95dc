/**
 * The uniqueness constraints every registered label needs: ids across entities, interactions
 * and evidence, and a slug unique per label. Derived from the graph model's label lists, and
 * checked on every migrate (not only by the numbered migration that first created them), so a
 * label added to the model later gets its constraint on the next start.
 */
import { ENTITY_LABELS, INTERACTION_LABELS } from '../../shared/model';

export interface Constraint {
  name: string;
  label: string;
  property: string;
  statement: string;
}

const snake = (label: string): string => label.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

const unique = (name: string, label: string, property: string): Constraint => ({
  name,
  label,
  property,
  statement: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${property} IS UNIQUE`,
});

export const ID_CONSTRAINTS: readonly Constraint[] = [
  unique('entity_id', 'Entity', 'id'),
  unique('interaction_id', 'Interaction', 'id'),
  unique('evidence_id', 'Evidence', 'id'),
];

export const SLUG_CONSTRAINTS: readonly Constraint[] = [
  ...ENTITY_LABELS,
  ...INTERACTION_LABELS,
].map((label) => unique(`${snake(label)}_slug`, label, 'slug'));

export const LABEL_CONSTRAINTS: readonly Constraint[] = [...ID_CONSTRAINTS, ...SLUG_CONSTRAINTS];
