/**
 * Walks the inventory in the seed documents' README (seeds/documents/README.md) and finds every listed organisation,
 * person, event, project, publication, place, topic and interaction in the seeded graph. The
 * README is parsed, and every item it lists must have an entry below: an inventory that grows
 * makes this test fail until the graph (and this table) catch up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/db/database';
import { useSeededGraph } from '../support/db';

// The repository keeps the seed documents' README (with the inventory) beside the documents;
// seed.int.test.ts proves the copy equals shared/seed-documents when that folder is present.
const README = path.resolve(__dirname, '..', '..', 'seeds', 'documents', 'README.md');

/** Inventory item (as written in the README, markdown stripped) -> the [label, slug]s that hold it. */
const ITEMS: Record<string, [string, string][]> = {
  // Organisations
  'Sitra (Finnish Innovation Fund)': [['Organisation', 'sitra']],
  'St Petersburg cleantech cluster': [['Organisation', 'st-petersburg-cleantech-cluster']],
  'Leontief Centre': [['Organisation', 'leontief-centre']],
  'St Petersburg Technopark': [['Organisation', 'st-petersburg-technopark']],
  'INGRIA (its business incubator)': [['Organisation', 'ingria']],
  'the Cata3Pult project and its circular-economy expert group': [
    ['Project', 'cata3pult'],
    ['Organisation', 'cata3pult-circular-economy-expert-group'],
  ],
  'unnamed industrial-symbiosis companies in Kolpino and the Leningrad Oblast': [
    ['Organisation', 'industrial-symbiosis-companies-st-petersburg-region'],
  ],
  'EJKL Competence Centre (of EJKL)': [
    ['Organisation', 'ejkl-competence-centre'],
    ['Organisation', 'ejkl'],
  ],
  'Avaesen (Valencia renewable-energy cluster)': [['Organisation', 'avaesen']],
  // People
  'Evilina Lutfi (photos)': [['Person', 'evilina-lutfi']],
  'Daniel Kaufmann (Sitra)': [['Person', 'daniel-kaufmann']],
  'Elena Belova (Leontief Centre)': [['Person', 'elena-belova']],
  'Maksim Balanev (affiliation not stated)': [['Person', 'maksim-balanev']],
  'Margit Rüütelmann (EJKL Competence Centre)': [['Person', 'margit-ruutelmann']],
  'Bianca Dragomir (Avaesen)': [['Person', 'bianca-dragomir']],
  // Events
  'the 25.10.2019 meeting in St Petersburg': [
    ['Event', 'sitra-st-petersburg-cleantech-meeting-2019-10-25'],
  ],
  'WCEF (World Circular Economy Forum, an event series)': [['Event', 'wcef']],
  'the All-Russia Strategy Forum (the week after the meeting)': [
    ['Event', 'all-russia-strategy-forum-2019'],
  ],
  'its session Strategies and Best Cluster Practices... on 29.10.2019 11:30-13:15, organised by the cleantech cluster':
    [['Event', 'circular-economy-session-2019-10-29']],
  'the 5th European Cluster Conference, Brussels, 1-2.12.2016, 300+ participants': [
    ['Event', 'european-cluster-conference-2016'],
  ],
  'its three parallel working groups': [
    ['Event', 'ecc-2016-working-group-high-tech-digital-manufacturing'],
    ['Event', 'ecc-2016-working-group-green-circular-economy'],
    ['Event', 'ecc-2016-working-group-service-innovation-creative-economy'],
  ],
  'its awards': [
    ['Event', 'ecc-2016-awards'],
    ['Award', 'european-cluster-manager-of-the-year-2016'],
    ['Award', 'best-cluster-cooperation-project-2016'],
  ],
  // Projects and publications
  Cata3Pult: [['Project', 'cata3pult']],
  'the Waste Recycling Cluster project': [['Project', 'waste-recycling-cluster']],
  'Energy in Water': [['Project', 'energy-in-water']],
  'the joint projects of INGRIA and the cleantech cluster': [
    ['Project', 'ingria-cleantech-cluster-joint-projects'],
  ],
  'the proposed joint circular-economy portal': [['Project', 'joint-circular-economy-portal']],
  'the Circular Economy Playbook': [['Publication', 'circular-economy-playbook']],
  'the conference video and documentation': [
    ['Publication', 'ecc-2016-video-summary'],
    ['Publication', 'ecc-2016-documentation'],
  ],
  // Places
  'St Petersburg (Pietari)': [['Place', 'st-petersburg']],
  Kolpino: [['Place', 'kolpino']],
  'Leningrad Oblast': [['Place', 'leningrad-oblast']],
  Russia: [['Place', 'russia']],
  'Baltic Sea region': [['Place', 'baltic-sea-region']],
  Finland: [['Place', 'finland']],
  Brussels: [['Place', 'brussels']],
  Estonia: [['Place', 'estonia']],
  'Valencia region': [['Place', 'valencia-region']],
  // Topics
  'circular economy': [['Topic', 'circular-economy']],
  cleantech: [['Topic', 'cleantech']],
  'industrial symbiosis': [['Topic', 'industrial-symbiosis']],
  'sustainable urban development': [['Topic', 'sustainable-urban-development']],
  'waste management and recycling': [['Topic', 'waste-management-and-recycling']],
  'certification of products made from waste': [
    ['Topic', 'certification-of-products-made-from-waste'],
  ],
  'digitalisation and industrial transformation': [
    ['Topic', 'digitalisation-and-industrial-transformation'],
  ],
  'smart specialisation': [['Topic', 'smart-specialisation']],
  'cluster policy': [['Topic', 'cluster-policy']],
  'high technology and digital manufacturing': [
    ['Topic', 'high-technology-and-digital-manufacturing'],
  ],
  'service innovation and creative economy': [['Topic', 'service-innovation-and-creative-economy']],
  'renewable energy': [['Topic', 'renewable-energy']],
  'energy in water': [['Topic', 'energy-in-water-topic']],
};

/** Each interaction bullet (by its opening words) -> Cypher checks that must each count >= 1. */
const INTERACTIONS: Record<string, string[]> = {
  'Elena Belova (Leontief Centre) invited': [
    `MATCH (:Person {slug: 'elena-belova'})-[:EXTENDED]->(i:Invitation)-[:INVITES]->(:Organisation {slug: 'sitra'}),
           (i)-[:TO]->(:Event {slug: 'all-russia-strategy-forum-2019'}), (i)-[:ON_BEHALF_OF]->(:Organisation {slug: 'leontief-centre'})
     RETURN count(i) AS n`,
  ],
  '"We" (the article\'s authors, Cata3Pult partners) invited': [
    `MATCH (:Organisation {slug: 'green-net-finland'})-[:EXTENDED]->(i:Invitation)-[:INVITES]->(:Organisation {slug: 'sitra'}),
           (i)-[:TO]->(:Organisation {slug: 'cata3pult-circular-economy-expert-group'})
     RETURN count(i) AS n`,
  ],
  'Sitra presented the Circular Economy Playbook': [
    `MATCH (:Organisation {slug: 'sitra'})-[:GAVE]->(p:Presentation)-[:ABOUT]->(:Publication {slug: 'circular-economy-playbook'}),
           (p)-[:AT]->(:Event {slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25'}) RETURN count(p) AS n`,
    `MATCH (:Organisation {slug: 'st-petersburg-cleantech-cluster'})-[:GAVE]->(p:Presentation {slug: 'cleantech-cluster-presents-history-and-model'}) RETURN count(p) AS n`,
    `MATCH (:Organisation {slug: 'ingria'})-[:GAVE]->(p:Presentation)<-[:GAVE]-(:Organisation {slug: 'st-petersburg-cleantech-cluster'}),
           (p)-[:ABOUT]->(:Project {slug: 'ingria-cleantech-cluster-joint-projects'}) RETURN count(p) AS n`,
    `MATCH (:Person {slug: 'maksim-balanev'})-[:GAVE]->(p:Presentation)-[:AT]->(:Event {slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25'}) RETURN count(p) AS n`,
  ],
  'Daniel Kaufmann asked': [
    `MATCH (:Person {slug: 'daniel-kaufmann'})-[:ASKED]->(q:Question)-[:ABOUT]->(:Event {slug: 'wcef'}) WHERE q.answer IS NOT NULL RETURN count(q) AS n`,
    `MATCH (:Organisation {slug: 'st-petersburg-cleantech-cluster'})-[r:PARTICIPATED_IN]->(:Event {slug: 'wcef'}) RETURN count(r) AS n`,
  ],
  'The St Petersburg side proposed': [
    `MATCH (:Organisation {slug: 'st-petersburg-cleantech-cluster'})-[:PUT_FORWARD]->(p:Proposal)-[:ABOUT]->(:Event {slug: 'wcef'}),
           (p)-[:ABOUT]->(:Place {slug: 'st-petersburg'}) RETURN count(p) AS n`,
    `MATCH (p:Proposal)-[:ABOUT]->(:Project {slug: 'joint-circular-economy-portal'}) RETURN count(p) AS n`,
  ],
  'Margit Rüütelmann presented': [
    `MATCH (:Person {slug: 'margit-ruutelmann'})-[:GAVE]->(p:Presentation)-[:AT]->(:Event {slug: 'ecc-2016-working-group-green-circular-economy'}),
           (p)-[:ABOUT]->(:Project {slug: 'waste-recycling-cluster'}), (p)-[:ABOUT]->(:Topic {slug: 'waste-management-and-recycling'})
     RETURN count(p) AS n`,
  ],
  'Bianca Dragomir received': [
    `MATCH (:Person {slug: 'bianca-dragomir'})-[r:RECEIVED]->(:Award {slug: 'european-cluster-manager-of-the-year-2016'}) RETURN count(r) AS n`,
    `MATCH (:Project {slug: 'energy-in-water'})-[r:RECEIVED]->(:Award {slug: 'best-cluster-cooperation-project-2016'}) RETURN count(r) AS n`,
  ],
};

function inventorySection(): string {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('## Inventory of what the documents state');
  const end = text.indexOf('\n## ', start + 5);
  expect(start).toBeGreaterThan(-1);
  return text.slice(start, end === -1 ? undefined : end).replace(/\*/g, '');
}

/** Splits "a; b; c." (or "a, b, c." when there is no semicolon) outside parentheses. */
function splitItems(list: string): string[] {
  const separator = list.includes(';') ? ';' : ',';
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list.replace(/\.$/, '')) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === separator && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += ch;
  }
  items.push(current.trim());
  return items.filter(Boolean);
}

function listedItems(): string[] {
  const paragraphs = inventorySection()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
  const categories = [
    'Organisations:',
    'People:',
    'Events:',
    'Projects and publications:',
    'Places:',
    'Topics:',
  ];
  const items: string[] = [];
  for (const category of categories) {
    const paragraph = paragraphs.find((p) => p.startsWith(category));
    expect([category, paragraph === undefined]).toEqual([category, false]);
    items.push(...splitItems(paragraph!.slice(category.length).trim()));
  }
  return items;
}

function listedInteractions(): string[] {
  return inventorySection()
    .split('\n- ')
    .slice(1)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim());
}

describe('the seed README inventory is all in the graph', () => {
  const graph = useSeededGraph();
  let db: Database;
  beforeAll(() => {
    db = graph();
  });

  it('has an entry in this test for every item the README lists', () => {
    const items = listedItems();
    expect(items.length).toBeGreaterThan(50);
    expect(items.filter((item) => !(item in ITEMS))).toEqual([]);
    const bullets = listedInteractions();
    expect(bullets).toHaveLength(Object.keys(INTERACTIONS).length);
    expect(
      bullets.filter((b) => !Object.keys(INTERACTIONS).some((start) => b.startsWith(start))),
    ).toEqual([]);
  });

  it('finds every listed entity under its label', async () => {
    const wanted = Object.values(ITEMS).flat();
    const result = await db.query(
      'UNWIND $wanted AS w MATCH (n:Entity {slug: w[1]}) WHERE w[0] IN labels(n) RETURN collect(w[1]) AS found',
      { wanted },
    );
    const found = new Set(result.records[0]!.get('found') as string[]);
    expect(wanted.filter(([, slug]) => !found.has(slug))).toEqual([]);
  });

  it('holds the dated facts the README gives', async () => {
    const result = await db.query(`
      MATCH (ecc:Event {slug: 'european-cluster-conference-2016'})-[:HELD_IN]->(:Place {slug: 'brussels'})
      MATCH (meeting:Event {slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25'})-[:HELD_IN]->(:Place {slug: 'st-petersburg'})
      MATCH (:Organisation {slug: 'st-petersburg-cleantech-cluster'})-[:ORGANISED]->(session:Event {slug: 'circular-economy-session-2019-10-29'})
            -[:PART_OF]->(:Event {slug: 'all-russia-strategy-forum-2019'})
      RETURN toString(ecc.startDate) AS eccStart, toString(ecc.endDate) AS eccEnd, ecc.participantsAtLeast AS people, ecc.edition AS edition,
             toString(meeting.startDate) AS meetingDay, toString(session.startsAt) AS sessionStart, toString(session.endsAt) AS sessionEnd`);
    expect(result.records).toHaveLength(1);
    const r = result.records[0]!.toObject();
    expect({ ...r, people: Number(r.people), edition: Number(r.edition) }).toEqual({
      eccStart: '2016-12-01',
      eccEnd: '2016-12-02',
      people: 300,
      edition: 5,
      meetingDay: '2019-10-25',
      sessionStart: '2019-10-29T11:30:00+03:00[Europe/Moscow]',
      sessionEnd: '2019-10-29T13:15:00+03:00[Europe/Moscow]',
    });
  });

  it.each(Object.entries(INTERACTIONS))('finds the interaction "%s …"', async (_start, checks) => {
    for (const cypher of checks) {
      const result = await db.query(cypher);
      expect([cypher, Number(result.records[0]?.get('n') ?? 0) >= 1]).toEqual([cypher, true]);
    }
  });

  it('answers the invitation question with the Finnish quote and its translation', async () => {
    const result = await db.query(`
      MATCH (inviter)-[:EXTENDED]->(i:Invitation)-[:TO]->(target {slug: 'all-russia-strategy-forum-2019'}), (i)-[:INVITES]->(invitee)
      UNWIND i.evidenceIds AS evId MATCH (e:Evidence {id: evId})-[:SOURCE]->(d:Document)
      RETURN inviter.name AS inviter, invitee.name AS invitee, e.language AS language, e.quote AS quote, e.translation AS translation, d.language AS docLanguage`);
    expect(result.records.map((r) => r.toObject())).toEqual([
      {
        inviter: 'Elena Belova',
        invitee: 'Sitra',
        language: 'fi',
        docLanguage: 'fi',
        quote:
          'Elena Belova Leontief -keskuksesta on kutsunut Sitran asiantuntijat osallistumaan ensi viikon koko Venäjän Strategia Foorumiin.',
        translation:
          "Elena Belova from the Leontief Centre invited Sitra's experts to take part in next week's All-Russia Strategy Forum.",
      },
    ]);
  });
});
