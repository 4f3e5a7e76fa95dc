/**
 * The free-text rule over HTTP (issue 14, outside-in probe): invisible and format characters
 * and non-characters in names, aliases, descriptions, quotes, translations and URLs, and
 * quotes that state nothing (one word or number), are refused with BAD_USER_INPUT naming the
 * argument and the character, in variables and in literal arguments, and nothing is written.
 * The joiners scripts and emoji need stay in prose.
 */
import { useSeededApi } from '../support/api';
import { assertGraphIntegrity } from '../support/integrity';
import { writeHelpers } from '../support/writes';

const api = useSeededApi();

afterEach(async () => {
  await assertGraphIntegrity(api.db());
});

const { idOf, failing } = writeHelpers(api);

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** A few characters of every class the probe found accepted, and a few it did not try. */
const CHARACTERS = [
  0x200b, // zero width space
  0x200d, // zero width joiner, between Latin letters
  0x2060, // word joiner
  0xfeff, // zero width no-break space (BOM)
  0x00ad, // soft hyphen
  0xe0041, // tag latin capital A
  0xe007f, // cancel tag
  0xfffa, // interlinear annotation separator
  0x180e, // Mongolian vowel separator
  0x034f, // combining grapheme joiner
  0x3164, // Hangul filler
  0x1160, // Hangul jungseong filler
  0xffa0, // halfwidth Hangul filler
  0x2063, // invisible separator
  0x17b5, // Khmer vowel inherent aa
  0x1d179, // musical symbol end phrase
  0xfe0f, // variation selector-16 after a Latin letter
  0xfdd0, // non-character
  0x1ffff, // non-character of plane 1
  0x10fffe, // non-character of plane 16
];

/** A GraphQL literal for a value; `kind` and `type` are enums; every non-ASCII unit escaped. */
function literal(value: unknown, key = ''): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v, k)}`)
      .join(', ')} }`;
  if (typeof value === 'string') {
    if (key === 'kind' || key === 'type') return value;
    let out = '"';
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i);
      const c = value[i]!;
      out +=
        unit < 0x20 || unit > 0x7e || c === '"' || c === '\\'
          ? `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`
          : c;
    }
    return `${out}"`;
  }
  return String(value);
}

interface Case {
  /** What the position is, for the test's title. */
  field: string;
  mutation: 'createOrganisation' | 'updateOrganisation' | 'createPublication' | 'createPerson';
  input: (bad: string, ctx: { document: string }) => Record<string, unknown>;
  argument: string;
}

const CASES: Case[] = [
  {
    field: 'a name',
    mutation: 'createOrganisation',
    input: (bad) => ({ name: `Sitra${bad}Oy`, kind: 'FUND' }),
    argument: 'input.name',
  },
  {
    field: 'a name on update',
    mutation: 'updateOrganisation',
    input: (bad) => ({ name: `Sit${bad}ra` }),
    argument: 'input.name',
  },
  {
    field: 'an alias',
    mutation: 'createPerson',
    input: (bad) => ({
      name: 'Probe Person',
      aliases: [{ name: 'Probe' }, { name: `Pro${bad}be`, language: 'fi' }],
    }),
    argument: 'input.aliases[1].name',
  },
  {
    field: 'a description',
    mutation: 'createOrganisation',
    input: (bad) => ({
      name: 'Probe Oy',
      kind: 'FUND',
      description: `Kiertotalous${bad}keskus.\nToinen rivi.`,
    }),
    argument: 'input.description',
  },
  {
    field: 'a quote',
    mutation: 'createOrganisation',
    input: (bad, { document }) => ({
      name: 'Probe Oy',
      kind: 'FUND',
      evidence: [{ document, quote: `Sitra on${bad} edelläkävijä`, translation: 'Sitra is' }],
    }),
    argument: 'input.evidence[0].quote',
  },
  {
    field: 'a translation',
    mutation: 'createOrganisation',
    input: (bad, { document }) => ({
      name: 'Probe Oy',
      kind: 'FUND',
      evidence: [{ document, quote: 'Sitra on edelläkävijä', translation: `Sitra${bad} is` }],
    }),
    argument: 'input.evidence[0].translation',
  },
  {
    field: "an evidence's url",
    mutation: 'createOrganisation',
    input: (bad) => ({
      name: 'Probe Oy',
      kind: 'FUND',
      evidence: [{ url: 'https://example.org/' }, { url: `https://example.org/a${bad}b.pdf` }],
    }),
    argument: 'input.evidence[1].url',
  },
  {
    field: 'a website',
    mutation: 'createOrganisation',
    input: (bad) => ({ name: 'Probe Oy', kind: 'FUND', website: `https://exa${bad}mple.org/` }),
    argument: 'input.website',
  },
  {
    field: 'a website on update',
    mutation: 'updateOrganisation',
    input: (bad) => ({ website: `https://example.org/${bad}` }),
    argument: 'input.website',
  },
  {
    field: "a publication's url",
    mutation: 'createPublication',
    input: (bad) => ({ name: 'Probe Report', kind: 'REPORT', url: `https://example.org/r${bad}` }),
    argument: 'input.url',
  },
];

const TYPES: Record<Case['mutation'], string> = {
  createOrganisation: 'CreateOrganisationInput',
  updateOrganisation: 'UpdateOrganisationInput',
  createPublication: 'CreatePublicationInput',
  createPerson: 'CreatePersonInput',
};

async function refused(
  c: Case,
  input: Record<string, unknown>,
  inline: boolean,
): Promise<{ message: string; extensions: Record<string, unknown> }> {
  const update = c.mutation.startsWith('update');
  const id = update ? await idOf('ORGANISATION', 'sitra') : undefined;
  if (inline)
    return failing(
      `mutation { ${c.mutation}(${update ? `id: ${literal(id)}, ` : ''}input: ${literal(input)}) { id } }`,
    );
  return failing(
    `mutation(${update ? '$id: ID!, ' : ''}$input: ${TYPES[c.mutation]}!) { ${c.mutation}(${
      update ? 'id: $id, ' : ''
    }input: $input) { id } }`,
    update ? { id, input } : { input },
  );
}

describe('invisible characters and non-characters', () => {
  const rows = CASES.flatMap((c) =>
    (['variables', 'literal'] as const).map((how) => [c.field, how, c] as const),
  );

  it.each(rows)(
    'are refused in %s (%s), naming the argument and the character, writing nothing',
    async (_field, how, c) => {
      const document = await idOf('DOCUMENT', 'gnf-2019-10-25-sitra-st-petersburg-meeting');
      for (const code of CHARACTERS) {
        const error = await refused(
          c,
          c.input(String.fromCodePoint(code), { document }),
          how === 'literal',
        );
        expect([hex(code), error.extensions]).toMatchObject([
          hex(code),
          { code: 'BAD_USER_INPUT', argument: c.argument },
        ]);
        expect(error.message).toContain(c.argument);
        expect(error.message).toContain(`(${hex(code)})`);
      }
    },
  );

  it('keeps the sentences for control and bidirectional characters', async () => {
    const error = await failing(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      { input: { name: 'Probe', kind: 'FUND', website: 'https://example.org/\u202Eexe.pdf' } },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.website' });
    expect(error.message).toMatch(/control or bidirectional.*U\+202E/);
  });

  it('keeps in a description the joiners scripts and emoji need, as written', async () => {
    const description =
      'Persiaksi می\u200Cخواهم, hindiksi क्\u200Dष, perhe 👩\u200D👩\u200D👧 ja ❤\uFE0F.';
    const res = await api.gql<{ createOrganisation: { description: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { description } }',
      { input: { name: 'Joiner Probe Oy', kind: 'FUND', description } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createOrganisation.description).toBe(description);
  });

  it('refuses those joiners in a name', async () => {
    for (const name of ['می\u200Cخواهم', 'Perhe 👩\u200D👩\u200D👧']) {
      const error = await failing(
        'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
        { input: { name, kind: 'FUND' } },
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.name' });
      expect(error.message).toMatch(/U\+200[CD]/);
    }
  });
});

describe('a quote that states nothing', () => {
  const CREATE =
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }';

  it.each([
    ['a number', '2019'],
    ['a date', '25.10.2019'],
    ['a name', 'Sitra'],
    ['a word', 'Foorumi'],
    ['a word with its suffix', 'WCEF:in'],
    ['a word and punctuation', 'tapaaminen!'],
  ])('is refused: %s (%j), verbatim as it is, in variables and literals', async (_what, quote) => {
    const document = await idOf('DOCUMENT', 'gnf-2019-10-25-sitra-st-petersburg-meeting');
    const input = {
      name: 'Quote Probe',
      kind: 'FUND',
      evidence: [{ document, quote, translation: 'x' }],
    };
    for (const error of [
      await failing(CREATE, { input }),
      await failing(`mutation { createOrganisation(input: ${literal(input)}) { id } }`),
    ]) {
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.evidence[0].quote',
      });
      expect(error.message).toMatch(
        /^input\.evidence\[0\]\.quote must quote the words of the document that state the fact, not a single word or number: at least 2 words, found 1\.$/,
      );
    }
  });

  it('accepts two words', async () => {
    const document = await idOf('DOCUMENT', 'gnf-2019-10-25-sitra-st-petersburg-meeting');
    const res = await api.gql<{ createOrganisation: { id: string } }>(CREATE, {
      input: {
        name: 'Two Word Quote Oy',
        kind: 'FUND',
        evidence: [{ document, quote: 'Sitra on', translation: 'Sitra is' }],
      },
    });
    expect(res.errors).toBeUndefined();
  });
});

/** A mutation that must be refused the same way in variables and as a literal, writing nothing. */
async function refusedBothWays(
  mutation: string,
  type: string,
  input: Record<string, unknown>,
  argument: string,
  message: RegExp,
): Promise<void> {
  for (const error of [
    await failing(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }),
    await failing(`mutation { ${mutation}(input: ${literal(input)}) { id } }`),
  ]) {
    expect([input, error.extensions]).toMatchObject([input, { code: 'BAD_USER_INPUT', argument }]);
    expect(error.message).toContain(argument);
    expect(error.message).toMatch(message);
  }
}

describe('text that shows nothing (issue 14, second probe)', () => {
  it.each([
    ['only braille blanks', '\u2800\u2800\u2800', /U\+2800/],
    ['a braille blank between words', 'Kierto\u2800talous', /invisible filler \(U\+2800\)/],
    ['only spaces', '    ', /must hold a visible character, not only spaces/],
    ['only line breaks and a tab', '\n\n\t', /must hold a visible character, not only spaces/],
    ['only combining marks', '\u0301\u0301', /must hold a visible character \(a letter/],
    ['Zalgo text', `Z${'\u0301\u0300\u0302\u0303\u0308'.repeat(10)}algo`, /found 50 in a row/],
  ])('is refused in a description: %s', async (_what, description, message) => {
    await refusedBothWays(
      'createTopic',
      'CreateTopicInput',
      { name: 'Bb', description },
      'input.description',
      message,
    );
  });

  it.each([
    ['only line breaks and a tab', '\n\n\t', /must hold a visible character, not only spaces/],
    ['only braille blanks', '\u2800\u2800', /U\+2800/],
  ])("is refused in an invitation's required summary: %s", async (_what, summary, message) => {
    const inviter = await idOf('PERSON', 'elena-belova');
    const invitee = await idOf('ORGANISATION', 'sitra');
    const target = await idOf('EVENT', 'wcef');
    await refusedBothWays(
      'recordInvitation',
      'RecordInvitationInput',
      { summary, inviter, target, invitees: [invitee] },
      'input.summary',
      message,
    );
  });

  it.each([
    ['only combining marks', '\u0301\u0301', /must hold a visible character \(a letter/],
    ['only private-use characters', '\uE000\uE001', /private-use characters.*\(U\+E000\)/],
    ['a private-use character', 'Sitra\uE000', /private-use characters.*\(U\+E000\)/],
    ['Zalgo text', `Z${'\u0301\u0300\u0302\u0303\u0308'.repeat(10)}algo`, /found 50 in a row/],
  ])('is refused in a name given a slug: %s', async (_what, name, message) => {
    await refusedBothWays(
      'createOrganisation',
      'CreateOrganisationInput',
      { name, slug: 'probe-name', kind: 'FUND' },
      'input.name',
      message,
    );
  });

  it('keeps the marks scripts write, and a description with line breaks around text', async () => {
    const res = await api.gql<{ createOrganisation: { name: string; description: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { name description } }',
      {
        input: {
          name: 'Tiếng Việt क्षत्रिय',
          slug: 'marks-probe',
          kind: 'FUND',
          description: '\n\tKiertotalous.\n',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createOrganisation).toEqual({
      name: 'Tiếng Việt क्षत्रिय',
      description: '\n\tKiertotalous.\n',
    });
  });
});

describe('urls that lead elsewhere than they show (issue 14, second probe)', () => {
  const URLS: [string, string, RegExp][] = [
    ['a private-use character in the host', 'https://ex\uE000ample.org/', /U\+E000/],
    ['a private-use character in the path', 'https://example.org/a\uE000', /U\+E000/],
    ['a symbol in the host', 'https://ex\u{1D159}ample.org/', /host of letters.*U\+1D159/],
    ['an unassigned character', 'https://example.org/\u0378', /unassigned.*U\+0378/],
    ['a user name', 'https://sitra.fi@evil.example/', /user name or password/],
    ['a user name and password', 'https://user:pw@example.org/', /user name or password/],
  ];

  it.each(URLS)('are refused in a website: %s', async (_what, website, message) => {
    await refusedBothWays(
      'createOrganisation',
      'CreateOrganisationInput',
      { name: 'Url Probe Oy', kind: 'FUND', website },
      'input.website',
      message,
    );
  });

  it.each(URLS)("are refused in a publication's url: %s", async (_what, url, message) => {
    await refusedBothWays(
      'createPublication',
      'CreatePublicationInput',
      { name: 'Url Probe Report', kind: 'REPORT', url },
      'input.url',
      message,
    );
  });

  it.each(URLS)("are refused in an evidence's url: %s", async (_what, url, message) => {
    await refusedBothWays(
      'createOrganisation',
      'CreateOrganisationInput',
      { name: 'Url Probe Oy', kind: 'FUND', evidence: [{ url }] },
      'input.evidence[0].url',
      message,
    );
  });

  it('keeps internationalised hosts and paths', async () => {
    const website = 'https://президент.рф/wiki/Санкт-Петербург';
    const res = await api.gql<{ createOrganisation: { website: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { website } }',
      { input: { name: 'Idn Probe Oy', kind: 'FUND', website } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createOrganisation.website).toBe(website);
  });
});

describe('aliases that repeat (issue 14, second probe)', () => {
  const twice = [
    { name: 'Same', language: 'fi' },
    { name: ' same ', language: 'fi' },
  ];

  it('refuses a repeated alias (same name after trim and case, same language) on create and upsert', async () => {
    for (const mutation of ['createOrganisation', 'upsertOrganisation'])
      await refusedBothWays(
        mutation,
        'CreateOrganisationInput',
        { name: 'Alias Probe Oy', kind: 'FUND', aliases: twice },
        'input.aliases[1]',
        /input\.aliases\[1\] repeats input\.aliases\[0\]/,
      );
  });

  it('refuses a repeated alias on update', async () => {
    const id = await idOf('ORGANISATION', 'sitra');
    for (const error of [
      await failing(
        'mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }',
        { id, input: { aliases: twice } },
      ),
      await failing(
        `mutation { updateOrganisation(id: ${literal(id)}, input: ${literal({ aliases: twice })}) { id } }`,
      ),
    ]) {
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.aliases[1]',
      });
      expect(error.message).toMatch(/input\.aliases\[1\] repeats input\.aliases\[0\]/);
    }
  });

  it.each([
    ['with no language', { name: 'alias probe oy' }],
    ['in a language', { name: 'Alias Probe Oy', language: 'fi' }],
  ])('refuses an alias that repeats the name (%s)', async (_what, alias) => {
    await refusedBothWays(
      'createOrganisation',
      'CreateOrganisationInput',
      { name: 'Alias Probe Oy', kind: 'FUND', aliases: [{ name: 'Probe', language: 'en' }, alias] },
      'input.aliases[1]',
      /input\.aliases\[1\] repeats the name "Alias Probe Oy"/,
    );
  });

  it('refuses, on an update that sends aliases but no name, an alias equal to the stored name (issue 15)', async () => {
    const id = await idOf('TOPIC', 'circular-economy');
    const query =
      'mutation($id: ID!, $input: UpdateTopicInput!) { updateTopic(id: $id, input: $input) { id } }';
    const error = await failing(query, {
      id,
      input: {
        aliases: [
          { name: 'Kiertotalous', language: 'fi' },
          { name: ' circular ECONOMY ', language: 'fi' },
        ],
      },
    });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.aliases[1]',
    });
    expect(error.message).toMatch(/^input\.aliases\[1\] repeats the name "Circular economy"/);
  });

  it('refuses a new name, sent without aliases, equal to one of the stored aliases (issue 15)', async () => {
    const id = await idOf('PLACE', 'st-petersburg');
    const error = await failing(
      'mutation($id: ID!, $input: UpdatePlaceInput!) { updatePlace(id: $id, input: $input) { id } }',
      { id, input: { name: 'pietari' } },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.name' });
    expect(error.message).toMatch(
      /^input\.name "pietari" is one of the stored aliases \("Pietari" in fi\)/,
    );
  });

  it.each([
    ['ORGANISATION', 'Organisation', 'ejkl-competence-centre'],
    ['PLACE', 'Place', 'kolpino'],
  ])(
    'saves a seeded %s (%s %s) whose aliases an edit form read and sends back unchanged (issue 15)',
    async (type, label, slug) => {
      const read = await api.gql<{ entity: { id: string; aliases: unknown[] } }>(
        `query($slug: String!) { entity(type: ${type}, slug: $slug) { id aliases { name language } } }`,
        { slug },
      );
      expect(read.errors).toBeUndefined();
      const { id, aliases } = read.data!.entity;
      const res = await api.gql(
        `mutation($id: ID!, $input: Update${label}Input!) { update${label}(id: $id, input: $input) { aliases { name language } } }`,
        { id, input: { aliases } },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ [`update${label}`]: { aliases } });
    },
  );

  it('keeps the same alias in two languages', async () => {
    const res = await api.gql<{ createOrganisation: { aliases: { name: string }[] } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { aliases { name language } } }',
      {
        input: {
          name: 'Alias Pair Oy',
          kind: 'FUND',
          aliases: [
            { name: 'Same', language: 'fi' },
            { name: 'Same', language: 'et' },
          ],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createOrganisation.aliases).toHaveLength(2);
  });
});
