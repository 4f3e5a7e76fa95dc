/** What migrations 002 to 005 promise, read back from Neo4j with SHOW CONSTRAINTS and SHOW INDEXES. */
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrations';
import { ENTITY_LABELS, INTERACTION_LABELS } from '../../src/shared/model';
import { ENTITY_TYPES } from '../../src/modules/entity/entity.registry';
import { openTestDatabase } from '../support/db';

describe('migrations on the real Neo4j', () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await migrate(db);
  });
  afterAll(() => db.close());

  it('creates unique ids, per-label unique slugs and one change counter', async () => {
    const result = await db.query(
      "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties[0] AS property",
    );
    const found = result.records.map((r) => `${r.get('label')}.${r.get('property')}`);
    const expected = [
      'Entity.id',
      'Interaction.id',
      'Evidence.id',
      'Migration.id',
      // 003: the change counter the analytics cache reads.
      'GraphMeta.id',
      // 004: API keys, found by hash.
      'ApiKey.id',
      'ApiKey.hash',
      // 006: the change feed's commit order.
      'AuditEntry.seq',
      // 007: a document's text is stored once.
      'Document.sha256',
      // 009: webhook endpoints and their deliveries.
      'Webhook.id',
      'WebhookDelivery.id',
      ...[...ENTITY_LABELS, ...INTERACTION_LABELS].map((l) => `${l}.slug`),
    ];
    expect(found.sort()).toEqual(expected.sort());
  });

  it('creates the lookup indexes the API uses', async () => {
    const result = await db.query(
      "SHOW INDEXES YIELD name, type, labelsOrTypes, properties WHERE type = 'RANGE' RETURN name",
    );
    const names = result.records.map((r) => r.get('name') as string);
    expect(names).toEqual(
      expect.arrayContaining([
        'entity_name',
        'organisation_kind',
        'organisation_country',
        'event_kind',
        'event_start_date',
        'place_country',
        'document_date',
        'document_language',
        'interaction_date',
      ]),
    );
  });

  it('creates the full-text index over names and aliases with a folding analyzer', async () => {
    const result = await db.query(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options, state WHERE name = 'entity_names' RETURN labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer, state",
    );
    expect(result.records.map((r) => r.toObject())).toEqual([
      {
        labelsOrTypes: ['Entity'],
        properties: ['name', 'aliasNames'],
        analyzer: 'standard-folding',
        state: 'ONLINE',
      },
    ]);
  });

  // 005: the same names with every word kept, for queries made only of stop words ("IT").
  it('creates a second full-text index over names and aliases that keeps stop words', async () => {
    const result = await db.query(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options, state WHERE name = 'entity_names_verbatim' RETURN labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer, state",
    );
    expect(result.records.map((r) => r.toObject())).toEqual([
      {
        labelsOrTypes: ['Entity'],
        properties: ['aliasNames', 'name'],
        analyzer: 'standard-no-stop-words',
        state: 'ONLINE',
      },
    ]);
  });

  // The numbered migrations run once; the constraints of every label run on every migrate, so a
  // label added after 002 ran (or a constraint dropped by hand) gets its constraint.
  it('gives every registered label its unique slug on every migrate', async () => {
    const slugConstraints = async (): Promise<string[]> => {
      const result = await db.query(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' AND properties = ['slug'] RETURN labelsOrTypes[0] AS label",
      );
      return result.records.map((r) => r.get('label') as string);
    };
    const labels = [...Object.keys(ENTITY_TYPES), ...INTERACTION_LABELS];
    expect((await slugConstraints()).sort()).toEqual([...labels].sort());
    await db.write((tx) => tx.run('DROP CONSTRAINT award_slug'));
    await db.write((tx) => tx.run('DROP CONSTRAINT question_slug'));
    expect(await slugConstraints()).not.toContain('Award');
    await migrate(db);
    expect((await slugConstraints()).sort()).toEqual([...labels].sort());
  });

  it('names the values that stop a missing constraint from being created, and creates it once they are gone', async () => {
    await db.write((tx) => tx.run('DROP CONSTRAINT topic_slug'));
    try {
      await db.write((tx) =>
        tx.run(
          "CREATE (:Entity:Topic {id: 'dup-topic-1', slug: 'dup-topic', name: 'A'}), (:Entity:Topic {id: 'dup-topic-2', slug: 'dup-topic', name: 'B'})",
        ),
      );
      await expect(migrate(db)).rejects.toThrow(
        'Cannot create the constraint topic_slug (slug unique per Topic): Topic nodes hold the same slug: 2 share "dup-topic"; give each its own slug (or delete the copies) and run the migration again.',
      );
    } finally {
      await db.write((tx) => tx.run("MATCH (n:Topic) WHERE n.slug = 'dup-topic' DELETE n"));
    }
    const report = await migrate(db);
    expect(report.constraintsCreated).toEqual(['topic_slug']);
  });

  it('is a no-op the second time', async () => {
    const report = await migrate(db);
    expect(report.applied).toEqual([]);
  });
});
