/**
 * The README's example operations, read at build time for GraphiQL's tabs: every ```graphql block
 * of README.md, titled by the nearest bold title or heading above it. The ids an operation takes
 * as `$x: ID!` cannot be known before a database answers (they differ per database); the text
 * above the block names the entities they stand for (`entity(type: PERSON, slug: "elena-belova")`),
 * so the tab's variables say which id to paste, and the query that finds it.
 */

export interface ReadmeOperation {
  /** The example's title as the README gives it, e.g. "1. Who invited whom to what, …". */
  title: string;
  /** 1-based line of the ```graphql fence in README.md. */
  line: number;
  query: string;
  /** JSON text for the variables editor ("" when the operation takes none). */
  variables: string;
}

interface Block {
  lang: string;
  start: number;
  end: number;
  text: string;
}

function fencedBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end += 1;
    blocks.push({ lang: open[1]!, start: i, end, text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/**
 * The README writes its queries anonymously; GraphiQL titles a tab by its operation's name, so an
 * anonymous query is named after its example ("1. Who invited whom to what" ->
 * WhoInvitedWhomToWhat). Named operations and other documents are left as they are.
 */
function named(query: string, title: string, taken: Set<string>): string {
  const base = title
    .replace(/^\d+\.\s*/, '')
    .replace(/'/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  if (!/^[A-Za-z]/.test(base)) return query;
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}${n}`;
  taken.add(name);
  if (/^\{/.test(query)) return `query ${name} ${query}`;
  return query.replace(/^(query|mutation)\s*(?=[({])/, `$1 ${name}`);
}

/** Every ```graphql block of `markdown`, in order. */
export function readmeOperations(markdown: string): ReadmeOperation[] {
  const lines = markdown.split('\n');
  const taken = new Set<string>();
  return fencedBlocks(lines)
    .filter((block) => block.lang === 'graphql')
    .map((block) => {
      let t = block.start - 1;
      while (t > 0 && !/^(\*\*|#)/.test(lines[t]!)) t -= 1;
      const prose = lines.slice(t, block.start).join(' ');
      const title = (lines[t] ?? '')
        .replace(/^#+\s*/, '')
        .replace(/^\*\*(.*?)\*\*.*$/, '$1')
        .trim();
      const entities = [...prose.matchAll(/entity\(type: (\w+), slug: "([^"]+)"\)/g)];
      const idVariables = [...block.text.matchAll(/\$(\w+)\s*:\s*ID!/g)].map((m) => m[1]!);
      const variables: Record<string, string> = {};
      idVariables.forEach((name, i) => {
        const entity = entities[i];
        variables[name] = entity
          ? `<the id from { entity(type: ${entity[1]}, slug: "${entity[2]}") { id } }>`
          : '<an id>';
      });
      return {
        title,
        line: block.start + 1,
        query: `# ${title} (README.md, line ${block.start + 1})\n${named(block.text, title, taken)}\n`,
        variables: idVariables.length > 0 ? JSON.stringify(variables, null, 2) : '',
      };
    });
}
