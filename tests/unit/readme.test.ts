/**
 * The README stays true and findable: every label, kind and relationship type of the code is
 * documented, and every error code; a table of contents lists every section, in order, and every link inside the
 * README reaches a heading; the first screen keeps what it is, the two commands and a first
 * query, with how long they take; the benchmark tables come after the reference material.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ENTITY_LABELS,
  INTERACTION_LABELS,
  KINDS_BY_LABEL,
  RELATIONSHIP_TYPES,
} from '../../src/shared/model';
import { ERROR_CODES } from '../../src/shared/errors';

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

  it('lists every error code the API answers with under "Errors"', () => {
    const errors = readme.slice(readme.indexOf('- **Errors**'));
    const paragraph = errors.slice(0, errors.indexOf('\n- **', 1));
    const listed = ERROR_CODES.filter((code) => paragraph.includes(`\`${code}\``));
    expect(listed).toEqual([...ERROR_CODES]);
  });

  it('lists every kind of every label', () => {
    for (const kinds of Object.values(KINDS_BY_LABEL))
      for (const kind of kinds ?? []) expect(readme).toContain(kind);
  });

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
  const anchor = (heading: string): string =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
  // Headings outside fenced code blocks (a "# comment" in a shell block is not one).
  const headings = readme
    .split(/^```/m)
    .filter((_, i) => i % 2 === 0)
    .join('\n')
    .split('\n')
    .map((line) => /^(#{2,4}) (.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ level: m[1]!.length, text: m[2]!, anchor: anchor(m[2]!) }));
  const sections = headings.filter((h) => h.level === 2);

  it('has a table of contents listing every section, in order', () => {
    const contents = /^## Contents\n\n((?:- .+\n)+)/m.exec(readme);
    expect(contents).not.toBeNull();
    const listed = [...contents![1]!.matchAll(/^- \[.+?\]\(#([^)]+)\)/gm)].map((m) => m[1]);
    expect(listed).toEqual(sections.map((h) => h.anchor).filter((a) => a !== 'contents'));
  });

  it('links only to headings it has', () => {
    const anchors = new Set(headings.map((h) => h.anchor));
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });

  it('keeps the first screen: what it is, the two commands, how long they take, a first query', () => {
    const first = readme.slice(0, readme.indexOf('## Contents'));
    expect(first).toMatch(/GraphQL API over a knowledge graph/);
    expect(first).toContain('npm ci && npm start');
    expect(first).toMatch(/first `npm start`[^.]*\b(minutes?|seconds?)\b/i);
    expect(first).toMatch(/`npm test`[^.]*\bminutes\b/);
    expect(first).toMatch(/A first query/);
  });

  it('puts the benchmark tables after the reference material', () => {
    const at = (name: string): number => sections.findIndex((h) => h.text.startsWith(name));
    const performance = at('Performance');
    expect(performance).toBeGreaterThan(0);
    for (const reference of ['The GraphQL API', 'Credentials', 'Configuration', 'Tests'])
      expect(performance).toBeGreaterThan(at(reference));
  });
});
