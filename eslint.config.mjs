// Lint rules: the recommended sets of ESLint and typescript-eslint, plus the project's own
// guard that only src/config.ts reads the environment; and the schema lint of @graphql-eslint
// on the generated SDL (schema/schema.graphql), which is what clients and their tools read.
import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

const CODE = ['**/*.{js,mjs,cjs,ts,tsx}'];
const SCHEMA_FILE = 'schema/schema.graphql';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'node_modules/**',
      'docker/neo4j-local/target/**',
      '.neo4j-local/**',
      // Front-end projects the client tests generate (gitignored).
      'tests/clients/.work/**',
    ],
  },
  { files: CODE, ...js.configs.recommended },
  ...tseslint.configs.recommended.map((config) => ({ files: CODE, ...config })),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through src/config.ts.',
        },
      ],
    },
  },
  {
    files: ['*.js', '*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', process: 'readonly' },
    },
  },
  {
    files: CODE,
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [SCHEMA_FILE],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: SCHEMA_FILE } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...graphql.configs['flat/schema-relay'].rules,
      // Every kind of element, root fields included: a client's docs explorer, codegen comments
      // and IDE hovers show nothing else (tests/unit/schema-descriptions.test.ts checks the
      // schema built from the code the same way, and that no description only repeats a name).
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      // Block descriptions (triple quotes), as graphql-js prints them.
      '@graphql-eslint/description-style': ['error', { style: 'block' }],
      // Lists that are not connections are fine: aliases, evidence and a node's few parts are
      // short by nature, and the analytics' rankings are bounded top-N lists whose description
      // says what bounds them. The rule's other checks (Edge suffix, node implementing Node,
      // cursor) stay on.
      // Relay's connection spec lets an edge's node be any object: the timeline's entries, the
      // audit's entries and collaborations are values (an entry, a pairing), not objects with an
      // identity to refetch through node(id:).
      '@graphql-eslint/relay-edge-types': [
        'error',
        { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: false },
      ],
      // Objects with an identity of their own carry id: ID!. Relay's connection structures and
      // the value objects below describe something else (a relationship, a score, a page, a
      // status) and have no identity a client could refetch or cache by; Community's id is its
      // rank in one partition, not an identity that survives a change of the graph.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: {
            suffixes: ['Connection', 'Edge'],
            types: [
              'Affiliation',
              'Alias',
              'AnalyticsStatus',
              'AwardRecipient',
              'Broker',
              'Collaboration',
              'Community',
              'CommunityResult',
              'EffectiveSource',
              'Evidence',
              'Health',
              'Mention',
              'MentionSpan',
              'PageInfo',
              'Path',
              'PathStep',
              'RankedEntity',
              'SearchHit',
              'Subgraph',
              'TimelineEntry',
              'VersionInfo',
            ],
          },
        },
      ],
      // Every connection pages both ways: first/after and last/before.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: true }],
    },
  },
);
