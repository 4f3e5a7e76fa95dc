/** The README's model tables stay true: every label, kind and relationship type of the code is documented. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ENTITY_LABELS,
  INTERACTION_LABELS,
  KINDS_BY_LABEL,
  RELATIONSHIP_TYPES,
} from '../../src/shared/model';

const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('names the two commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });

  it.each([...ENTITY_LABELS, ...INTERACTION_LABELS])('documents the label %s', (label) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${label}\`\\s*\\|`, 'm'));
  });

  it.each(RELATIONSHIP_TYPES)('documents the relationship type %s', (type) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${type}( \\{[a-z]+\\})?\`\\s*\\|`, 'm'));
  });

  it('lists every kind of every label', () => {
    for (const kinds of Object.values(KINDS_BY_LABEL))
      for (const kind of kinds ?? []) expect(readme).toContain(kind);
  });
});
