/**
 * The README's examples stay real: every GraphQL block followed by a JSON block is sent to the
 * API over the seed graph, and the answer must be the JSON shown, exactly. A README that drifts
 * from what the API answers (a renamed field, a changed ranking, a new score) fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useSeededApi } from '../support/api';

const api = useSeededApi();

interface Example {
  title: string;
  line: number;
  query: string;
  answer: unknown;
  /** `entity(type: T, slug: "s")` named in the text above, for the ID variables in order. */
  entities: { type: string; slug: string }[];
}

/** Pairs of ```graphql and the ```json block right after it (only blank lines between). */
export function readmeExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const blocks: { lang: string; start: number; end: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end += 1;
    blocks.push({ lang: open[1]!, start, end, text: lines.slice(start + 1, end).join('\n') });
    i = end;
  }
  const examples: Example[] = [];
  for (let b = 0; b + 1 < blocks.length; b += 1) {
    const [q, a] = [blocks[b]!, blocks[b + 1]!];
    const between = lines.slice(q.end + 1, a.start);
    if (q.lang !== 'graphql' || a.lang !== 'json' || between.some((l) => l.trim() !== '')) continue;
    // The nearest bold title or heading above names the example in the test's title.
    let t = q.start - 1;
    while (t > 0 && !/^(\*\*|#)/.test(lines[t]!)) t -= 1;
    const prose = lines.slice(t, q.start).join(' ');
    examples.push({
      entities: [...prose.matchAll(/entity\(type: (\w+), slug: "([^"]+)"\)/g)].map((m) => ({
        type: m[1]!,
        slug: m[2]!,
      })),
      title: (lines[t] ?? '').replace(/[*#]/g, '').trim().slice(0, 80),
      line: q.start + 1,
      query: q.text,
      answer: JSON.parse(a.text) as unknown,
    });
  }
  return examples;
}

const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const examples = readmeExamples(readme);

describe("the README's examples", () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((e) => [`line ${e.line}: ${e.title}`, e] as const))(
    '%s answers as shown',
    async (_, example) => {
      // Ids are opaque and differ per database: the text says which entities the ID
      // variables stand for, in the order the query declares them.
      const names = [...example.query.matchAll(/\$(\w+)\s*:\s*ID!/g)].map((m) => m[1]!);
      // (A query may also write an id inline: ids of seeded records are stable.)
      if (names.length > 0) expect(names.length).toBe(example.entities.length);
      const variables: Record<string, string> = {};
      for (const [i, name] of names.entries()) {
        const { type, slug } = example.entities[i]!;
        const found = await api.gql<{ entity: { id: string } }>(
          `{ entity(type: ${type}, slug: ${JSON.stringify(slug)}) { id } }`,
        );
        variables[name] = found.data!.entity.id;
      }
      const res = await api.gql(example.query, variables);
      expect({ data: res.data, errors: res.errors }).toEqual({
        errors: undefined,
        ...(example.answer as object),
      });
    },
  );
});
