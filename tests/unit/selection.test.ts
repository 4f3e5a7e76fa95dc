/**
 * partiesAsked on real GraphQLResolveInfo (graphql-js executing a small schema, no database):
 * 'naming' only when every entity selected at the path is asked nothing but what names it,
 * through fragments, aliases, type conditions and @skip/@include; else 'whole'.
 */
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { INVITATION_PARTIES, partiesAsked } from '../../src/shared/selection';

const schema = buildSchema(`
  interface Entity { id: ID! slug: String! name: String! type: String! description: String }
  type Person implements Entity {
    id: ID! slug: String! name: String! type: String! description: String
    affiliations: [Entity!]!
  }
  type Organisation implements Entity {
    id: ID! slug: String! name: String! type: String! description: String
  }
  type Hit { entity: Entity! matched: String! score: Float! }
  type Invitation {
    id: ID! date: String inviter: Entity! onBehalfOf: Entity invitees: [Entity!]! target: Entity!
  }
  type InvitationEdge { cursor: String! node: Invitation! }
  type InvitationConnection { edges: [InvitationEdge!]! totalCount: Int! }
  type LocalName { text: String! language: String! }
  type Label { id: ID! name: LocalName! }
  type Query {
    label: Label
    search: [Hit!]!
    invitations: InvitationConnection!
    entity: Entity
  }
`);

/** What partiesAsked answers for the root field of `query`, with the given path. */
async function asked(
  query: string,
  path: readonly (readonly string[])[] = [],
  needWhole: readonly string[] = [],
  variableValues: Record<string, unknown> = {},
): Promise<string> {
  let answer: string | undefined;
  const capture = (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
    answer = partiesAsked(info, path, needWhole);
    return null;
  };
  const result = await graphql({
    schema,
    source: query,
    variableValues,
    rootValue: { label: capture, search: capture, invitations: capture, entity: capture },
  });
  const unexpected = result.errors?.filter((e) => !/Cannot return null/.test(e.message));
  expect(unexpected ?? []).toEqual([]);
  if (answer === undefined) throw new Error('the resolver did not run');
  return answer;
}

const hit = (selection: string, fragments = ''): Promise<string> =>
  asked(`{ search { ${selection} } } ${fragments}`, [['entity']], ['matched']);
const invitations = (node: string, fragments = ''): Promise<string> =>
  asked(`{ invitations { edges { node { ${node} } } } } ${fragments}`, [
    ['edges'],
    ['node'],
    INVITATION_PARTIES,
  ]);

describe('partiesAsked', () => {
  it('is whole without resolve info', () => {
    expect(partiesAsked(undefined)).toBe('whole');
    expect(partiesAsked(undefined, [['entity']])).toBe('whole');
  });

  it('is naming when only naming fields are asked of the entity', async () => {
    expect(await hit('entity { id name }')).toBe('naming');
    expect(await hit('entity { __typename id slug name type }')).toBe('naming');
  });

  it('is whole when any other field is asked of the entity', async () => {
    expect(await hit('entity { id description }')).toBe('whole');
  });

  it('is whole when a field of the current one needs whole entities', async () => {
    expect(await hit('matched entity { id }')).toBe('whole');
    expect(await hit('score entity { id }')).toBe('naming');
  });

  it('is naming when nothing at all is selected at the path', async () => {
    expect(await hit('score')).toBe('naming');
  });

  it('reads type conditions: a naming field is naming, a nested selection is not', async () => {
    expect(await hit('entity { ... on Person { name } ... on Organisation { slug } }')).toBe(
      'naming',
    );
    expect(await hit('entity { ... on Person { affiliations { id } } }')).toBe('whole');
    expect(await hit('entity { ... on Organisation { description } }')).toBe('whole');
  });

  it('reads named fragments', async () => {
    expect(await hit('entity { ...F }', 'fragment F on Entity { id name }')).toBe('naming');
    expect(await hit('entity { ...F }', 'fragment F on Entity { id description }')).toBe('whole');
    expect(await hit('...H', 'fragment H on Hit { entity { name } }')).toBe('naming');
    expect(await hit('...H', 'fragment H on Hit { matched }')).toBe('whole');
  });

  it('follows every alias of a field on the path', async () => {
    expect(await hit('a: entity { id } b: entity { name }')).toBe('naming');
    expect(await hit('a: entity { id } b: entity { description }')).toBe('whole');
    // An alias does not rename the field: it is still the entity that is asked.
    expect(await hit('entity { name: description }')).toBe('whole');
  });

  it('leaves out what @skip and @include leave out', async () => {
    expect(await hit('entity { id description @skip(if: true) }')).toBe('naming');
    expect(await hit('entity { id description @include(if: false) }')).toBe('naming');
    const query =
      'query Q($all: Boolean!) { search { entity { id description @include(if: $all) } } }';
    expect(await asked(query, [['entity']], [], { all: false })).toBe('naming');
    expect(await asked(query, [['entity']], [], { all: true })).toBe('whole');
  });

  it('walks a connection down to every party of an invitation', async () => {
    expect(
      await invitations('id date inviter { name } invitees { id name } target { __typename name }'),
    ).toBe('naming');
    expect(await invitations('onBehalfOf { slug }')).toBe('naming');
    expect(await invitations('id date')).toBe('naming');
    expect(await invitations('inviter { name } target { description }')).toBe('whole');
    expect(await invitations('onBehalfOf { description }')).toBe('whole');
  });

  it('looks only at the path it is given', async () => {
    // totalCount is not on the path; edges.cursor neither.
    expect(
      await asked('{ invitations { totalCount edges { cursor } } }', [
        ['edges'],
        ['node'],
        INVITATION_PARTIES,
      ]),
    ).toBe('naming');
  });

  it('is whole when a naming field is asked for more than itself (a selection of its own)', async () => {
    expect(await asked('{ label { id name { text } } }')).toBe('whole');
    expect(await asked('{ label { id } }')).toBe('naming');
  });

  it('reads the current field itself with an empty path', async () => {
    expect(await asked('{ entity { id name } }')).toBe('naming');
    expect(await asked('{ entity { id description } }')).toBe('whole');
  });
});
