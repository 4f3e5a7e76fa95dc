/**
 * The front-end guide's set-ups (README "Front-end guide") work as written, with the tools
 * front-end teams use: each test sets up a small front-end project in tests/clients/.work/<tool>/ (ignored
 * by git; node_modules resolve from the repository) from the README's marked blocks, and runs it.
 * - GraphQL Code Generator (client preset) generates types for the README's operations from the
 *   running server, and tsc --strict compiles a typed client using every scalar of the schema;
 *   without the README's scalar mappings it does not.
 * - relay-compiler compiles fragments and queries (tests/clients/relay/ and the README's example)
 *   with @connection, @refetchable through node(id:) and backward pagination.
 * - Apollo Client (core) with the README's InMemoryCache merges two pages of a connection into one
 *   list and fills fragments on the Node/Entity interfaces, with no warning; a default cache warns
 *   and loses data.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filter, firstValueFrom } from 'rxjs';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { projectFiles, readmeOperations } from '../clients/readme-blocks';
import { useSeededApi } from '../support/api';

const ROOT = path.resolve(__dirname, '..', '..');
const CLIENTS = path.join(ROOT, 'tests', 'clients');
const WORK = path.join(CLIENTS, '.work');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** What the README's set-ups point at; the tests put the started server's URL instead. */
const README_URL = "'http://localhost:4000/graphql'";

const api = useSeededApi();

/** A fresh project directory with the README's files for it (and any others given). */
function project(name: string, extra: Record<string, string> = {}): string {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  const files = projectFiles(README, name);
  if (files.size === 0) throw new Error(`README.md has no block marked for ${name}/.`);
  for (const [file, text] of [...files, ...Object.entries(extra)]) write(dir, file, text);
  return dir;
}

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

/**
 * Runs a tool of node_modules/.bin; exit code and everything it printed. Without jest's
 * NODE_ENV=test, which silences GraphQL Code Generator's report (its errors included).
 */
function run(tool: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_ENV;
  return new Promise((resolve) => {
    execFile(path.join(BIN, tool), args, { cwd, env }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        output: `${stdout}\n${stderr}`,
      }),
    );
  });
}

/** The README's block for a project's file, with the API's URL swapped for the test server's. */
function pointedAtTestServer(text: string): string {
  expect(text.split(README_URL)).toHaveLength(2);
  return text.replace(README_URL, `'${api.origin()}/graphql'`);
}

describe("GraphQL Code Generator with the README's codegen.ts", () => {
  /** The codegen project: the README's config and operations, the committed typed client. */
  function codegenProject(editConfig: (config: string) => string = (c) => c): string {
    const dir = project('codegen');
    const config = readFileSync(path.join(dir, 'codegen.ts'), 'utf8');
    write(dir, 'codegen.ts', editConfig(pointedAtTestServer(config)));
    const operations = readmeOperations(README);
    write(
      dir,
      'src/readme-operations.ts',
      [
        "import { graphql } from './gql';",
        ...operations.map((op) => `export const ${op.name} = graphql(\`\n${op.text}\`);`),
      ].join('\n\n'),
    );
    cpSync(path.join(CLIENTS, 'typed-client.tsx'), path.join(dir, 'src', 'typed-client.tsx'));
    write(
      dir,
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          skipLibCheck: true,
          types: [],
        },
        include: ['src'],
      }),
    );
    return dir;
  }

  it("types the README's operations from the running server; tsc --strict compiles a typed client using every scalar", async () => {
    const dir = codegenProject();
    const generated = await run('graphql-codegen', ['--config', 'codegen.ts'], dir);
    expect(generated).toMatchObject({ code: 0 });
    expect(generated.output).not.toMatch(/skipped/);
    const types = readFileSync(path.join(dir, 'src', 'gql', 'graphql.ts'), 'utf8');
    const operations = readmeOperations(README);
    expect(operations.length).toBeGreaterThanOrEqual(10);
    for (const { name } of operations) expect(types).toContain(`export type ${name}Query = `);
    // Date and DateTime fields of the typed client's operation are strings.
    expect(types).toContain('startDate: string | null, startsAt: string | null');
    expect(types).toContain('analyticsStatus: { builtAt: string | null }');
    const compiled = await run('tsc', ['-p', 'tsconfig.json', '--strict', '--noEmit'], dir);
    expect(compiled).toEqual({ code: 0, output: expect.any(String) });
  });

  it('refuses a scalar without a mapping (strictScalars), and without strictScalars the client does not compile', async () => {
    const withoutScalars = (config: string): string => {
      const edited = config.replace(/^ *scalars: \{\n[\s\S]*?^ *\},\n/m, '');
      expect(edited).not.toContain('scalars: {');
      return edited;
    };
    const strict = codegenProject(withoutScalars);
    const refused = await run('graphql-codegen', ['--config', 'codegen.ts'], strict);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/Unknown scalar type Date/);

    const loose = codegenProject((c) =>
      withoutScalars(c).replace(/^ *strictScalars: true,\n/m, ''),
    );
    expect(await run('graphql-codegen', ['--config', 'codegen.ts'], loose)).toMatchObject({
      code: 0,
    });
    const compiled = await run('tsc', ['-p', 'tsconfig.json', '--strict', '--noEmit'], loose);
    expect(compiled.code).not.toBe(0);
    // The typed client's three Date and DateTime reads, and nothing else.
    expect(compiled.output.match(/error TS\d+/g)).toHaveLength(3);
    expect(
      compiled.output.match(/Type 'unknown' is not assignable to type 'string \| null'/g),
    ).toHaveLength(3);
  });
});

describe("relay-compiler with the README's relay.config.json", () => {
  const FIXTURES = path.join(CLIENTS, 'relay');

  /**
   * The Relay project: the README's config and example fragment (its src/ files), this
   * repository's schema as the README says to copy it, and the committed fixtures.
   */
  function relayProject(options: { readmeExample: boolean; extra?: Record<string, string> }) {
    const dir = project('relay', options.extra);
    if (!options.readmeExample)
      for (const file of projectFiles(README, 'relay').keys())
        if (file.startsWith('src/')) rmSync(path.join(dir, file));
    cpSync(path.join(ROOT, 'schema', 'schema.graphql'), path.join(dir, 'schema.graphql'));
    cpSync(FIXTURES, path.join(dir, 'src'), { recursive: true });
    return dir;
  }
  const artifact = (dir: string, name: string): string =>
    readFileSync(path.join(dir, 'src', '__generated__', `${name}.graphql.ts`), 'utf8');

  it('compiles @connection (forward) and @refetchable fragments, refetched through node(id:)', async () => {
    const dir = relayProject({ readmeExample: false });
    const compiled = await run('relay-compiler', [], dir);
    expect(compiled).toMatchObject({ code: 0 });
    // A fragment on an interface and one on Person refetch through Query.node.
    for (const query of ['EntityCardRefetchQuery', 'PersonParticipationsPaginationQuery'])
      expect(artifact(dir, query)).toMatch(/node\(id: \$id\) \{/);
    // The connection on Query paginates forward, its page info selected by Relay.
    expect(artifact(dir, 'OrganisationListPaginationQuery')).toMatch(
      /organisations\(first: \$count, after: \$cursor, filter: \{country: \$country\}, orderBy: NAME\)[\s\S]*pageInfo \{\\n\s+endCursor\\n\s+hasNextPage/,
    );
    // customScalarTypes: Date and DateTime are strings, not `any`.
    expect(artifact(dir, 'EntityCard_entity')).toContain(
      'readonly startDate?: string | null | undefined;',
    );
    expect(artifact(dir, 'EntityCard_entity')).toContain(
      'readonly startsAt?: string | null | undefined;',
    );
  });

  it("compiles the README's backward pagination (@connection with last/before, loadPrevious)", async () => {
    const dir = relayProject({ readmeExample: true });
    const compiled = await run('relay-compiler', [], dir);
    expect(compiled).toEqual({ code: 0, output: expect.any(String) });
    const query = artifact(dir, 'EventParticipantsPaginationQuery');
    expect(query).toContain(
      'participants(first: $first, after: $after, last: $last, before: $before)',
    );
    expect(query).toMatch(/node\(id: \$id\) \{/);
    // Relay selects both ends of the page for a connection that goes both ways.
    expect(query).toMatch(/hasPreviousPage\\n\s+startCursor/);
  });

  it('refuses a fragment on a field the schema does not have', async () => {
    const dir = relayProject({
      readmeExample: false,
      extra: {
        'src/Broken.tsx': [
          "import { graphql } from 'react-relay';",
          'export const broken = graphql`',
          '  fragment Broken_organisation on Organisation {',
          '    nameInFinnish',
          '  }',
          '`;',
          '',
        ].join('\n'),
      },
    });
    const compiled = await run('relay-compiler', [], dir);
    expect(compiled.code).not.toBe(0);
    expect(compiled.output).toMatch(/nameInFinnish/);
  });
});

describe("Apollo Client with the README's InMemoryCache", () => {
  type Apollo = typeof import('@apollo/client');
  let apollo: Apollo;
  let readmeClient: { client: import('@apollo/client').ApolloClient; cache: unknown };
  let logged: string[];

  beforeAll(async () => {
    // Apollo 4 warns only in development builds (a bundler's "development" condition, or
    // globalThis.__DEV__): set before Apollo loads, as a front-end's dev server would.
    (globalThis as { __DEV__?: boolean }).__DEV__ = true;
    apollo = await import('@apollo/client');
    // The warnings' text rather than a link to it (what @apollo/client/dev is for).
    const dev = await import('@apollo/client/dev');
    dev.loadDevMessages();
    dev.loadErrorMessages();
    const dir = project('apollo');
    const file = path.join(dir, 'apollo-client.ts');
    writeFileSync(file, pointedAtTestServer(readFileSync(file, 'utf8')));
    cpSync(path.join(ROOT, 'schema', 'possible-types.json'), path.join(dir, 'possible-types.json'));
    readmeClient = await import(file);
  });

  beforeEach(() => {
    // Everything Apollo logs goes through console (its invariant helpers look the method up at
    // each call), whatever setLogVerbosity says.
    logged = [];
    for (const method of ['debug', 'log', 'info', 'warn', 'error'] as const)
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(`console.${method}: ${args.map(String).join(' ')}`);
      });
  });
  afterEach(() => jest.restoreAllMocks());

  const ORGANISATIONS = `
    query Organisations($first: Int, $after: String) {
      organisations(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            ...OrganisationCard
          }
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
    fragment OrganisationCard on Entity {
      name
      slug
    }
  `;
  const NODE = `
    query Refetch($id: ID!) {
      node(id: $id) {
        id
        ... on Entity {
          name
          slug
        }
        ... on Organisation {
          country
        }
      }
    }
  `;
  interface Page {
    organisations: {
      edges: { cursor: string; node: { id: string; name?: string; slug?: string } }[];
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
    };
  }

  /** Page 1, page 2 by fetchMore, the list the query then reads, a node(id:) refetch. */
  async function browse(client: import('@apollo/client').ApolloClient) {
    const query = apollo.gql(ORGANISATIONS);
    const observable = client.watchQuery<Page>({ query, variables: { first: 3 } });
    const first = await firstValueFrom(observable.pipe(filter((r) => !r.loading)));
    const page1 = first.data as Page;
    await observable.fetchMore({ variables: { after: page1.organisations.pageInfo.endCursor } });
    const list = client.readQuery<Page>({ query, variables: { first: 3 } })!;
    const id = page1.organisations.edges[0]!.node.id;
    const refetched = await client.query<{ node: Record<string, unknown> }>({
      query: apollo.gql(NODE),
      variables: { id },
      fetchPolicy: 'network-only',
    });
    const card = client.cache.readFragment<{ name?: string; slug?: string }>({
      id: client.cache.identify({ __typename: 'Organisation', id }),
      fragment: apollo.gql(`fragment Card on Entity { name slug }`),
    });
    client.stop();
    return { names: list.organisations.edges.map((e) => e.node.name), refetched, card };
  }

  async function firstSix(): Promise<string[]> {
    const res = await api.gql<{ organisations: { edges: { node: { name: string } }[] } }>(
      '{ organisations(first: 6) { edges { node { name } } } }',
    );
    return res.data!.organisations.edges.map((e) => e.node.name);
  }

  it('merges page 1 and page 2 of a connection into one list and fills node(id:) fragments, with no warning', async () => {
    const { names, refetched, card } = await browse(readmeClient.client);
    expect(names).toEqual(await firstSix());
    expect(new Set(names).size).toBe(6);
    expect(refetched.data!.node).toMatchObject({
      __typename: 'Organisation',
      name: names[0],
      slug: expect.any(String),
      country: expect.any(String),
    });
    expect(card).toEqual({ __typename: 'Organisation', name: names[0], slug: expect.any(String) });
    expect(logged).toEqual([]);
  });

  it('with a default InMemoryCache, warns and loses the fields of interface fragments and page 2', async () => {
    const client = new apollo.ApolloClient({
      link: new apollo.HttpLink({ uri: `${api.origin()}/graphql` }),
      cache: new apollo.InMemoryCache(),
    });
    const { names, refetched, card } = await browse(client);
    expect(names).toEqual([undefined, undefined, undefined]);
    expect(refetched.data!.node).not.toHaveProperty('name');
    expect(card).toEqual({ __typename: 'Organisation' });
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).toMatch(/possibleTypes/);
  });

  it('has a Relay-style policy for every connection field of the schema, keyed by its other arguments', () => {
    const block = projectFiles(README, 'apollo').get('apollo-client.ts')!;
    const policies: Record<string, string[]> = {};
    let type = '';
    for (const line of block.split('\n')) {
      const opens = /^ {4}(\w+): \{$/.exec(line);
      if (opens) type = opens[1]!;
      const field = /^ +(\w+): relayStylePagination\((.*)\),$/.exec(line);
      if (field)
        policies[`${type}.${field[1]}`] = field[2]
          ? (JSON.parse(field[2].replace(/'/g, '"')) as string[])
          : [];
    }
    const schema = buildSchema(readFileSync(path.join(ROOT, 'schema', 'schema.graphql'), 'utf8'));
    const expected: Record<string, string[]> = {};
    for (const t of Object.values(schema.getTypeMap())) {
      if (!isObjectType(t) || t.name.startsWith('__')) continue;
      for (const f of Object.values(t.getFields()))
        if (/Connection$/.test(getNamedType(f.type).name))
          expected[`${t.name}.${f.name}`] = f.args
            .map((a) => a.name)
            .filter((a) => !['first', 'after', 'last', 'before'].includes(a))
            .sort();
    }
    expect(policies).toEqual(expected);
  });
});
