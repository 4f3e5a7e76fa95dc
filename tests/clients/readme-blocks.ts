/**
 * The README's code blocks, for the client tests (tests/e2e/clients.e2e.test.ts) that run them.
 * A block is run when the line above its fence (blank lines aside) is a marker naming where it
 * goes: `<!-- run by tests/e2e/clients.e2e.test.ts as relay/relay.config.json -->` puts it at
 * relay.config.json of the "relay" project the test sets up. The README's operations are its
 * ```graphql blocks.
 */
export interface FencedBlock {
  lang: string;
  /** 1-based line of the opening fence. */
  line: number;
  text: string;
  /** `<project>/<path>` of the marker above the fence, if any. */
  runAs?: string;
}

const MARKER = /^<!-- run by tests\/e2e\/clients\.e2e\.test\.ts as (\S+) -->$/;

export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end += 1;
    let above = i - 1;
    while (above > 0 && lines[above]!.trim() === '') above -= 1;
    const marker = above >= 0 ? MARKER.exec(lines[above]!) : null;
    blocks.push({
      lang: open[1]!,
      line: i + 1,
      text: lines.slice(i + 1, end).join('\n') + '\n',
      ...(marker ? { runAs: marker[1]! } : {}),
    });
    i = end;
  }
  return blocks;
}

/** The files the README gives a project: path inside the project -> text. */
export function projectFiles(markdown: string, project: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const block of fencedBlocks(markdown)) {
    if (!block.runAs?.startsWith(`${project}/`)) continue;
    files.set(block.runAs.slice(project.length + 1), block.text);
  }
  return files;
}

/**
 * The README's operations, each given a name (GraphQL Code Generator's client preset skips
 * anonymous operations): `ReadmeLine<n>` after the line of its fence.
 */
export function readmeOperations(markdown: string): { name: string; text: string }[] {
  return fencedBlocks(markdown)
    .filter((b) => b.lang === 'graphql')
    .map((b) => {
      const name = `ReadmeLine${b.line}`;
      const text = /^\s*\{/.test(b.text)
        ? b.text.replace(/^\s*\{/, `query ${name} {`)
        : b.text.replace(/^\s*query\s*(?=[({])/, `query ${name}`);
      if (!text.includes(`query ${name}`))
        throw new Error(`README line ${b.line}: not an anonymous query, name it in the test.`);
      return { name, text };
    });
}
