/** A numbered schema migration: idempotent statements (IF NOT EXISTS), applied in id order. */
export interface Migration {
  /** "NNN_name"; the number fixes the order. */
  id: string;
  description: string;
  /** Schema statements, each run in its own transaction (Neo4j does not mix schema and data writes). */
  statements: string[];
}
