/**
 * A second full-text index over names and aliases that keeps the English stop words (analyzer
 * standard-no-stop-words). The folding index of 002 drops them, and Neo4j offers no analyzer
 * that folds diacritics and keeps stop words, so a name made only of stop words ("IT", "The
 * The") could not be found there; search asks this index for such queries. Waits until the index
 * is online, so that an existing graph is searchable when start-up ends.
 *
 * Neo4j keeps one index per schema, and takes an index over the same properties in the same
 * order as a duplicate of 002's whatever its analyzer (CREATE ... IF NOT EXISTS then silently
 * does nothing): this one lists aliasNames first, which makes it a schema of its own.
 */
import type { Migration } from './migration';

export const VERBATIM_NAMES_INDEX = 'entity_names_verbatim';

export const migration: Migration = {
  id: '005_verbatim_names',
  description: 'the full-text index over names and aliases that keeps stop words',
  statements: [
    `CREATE FULLTEXT INDEX ${VERBATIM_NAMES_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.aliasNames, n.name] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-no-stop-words', \`fulltext.eventually_consistent\`: false}}`,
    `CALL db.awaitIndex('${VERBATIM_NAMES_INDEX}', 600)`,
  ],
};
