/**
 * API keys in Neo4j: only a SHA-256 of each key is stored (keys are 32 random bytes, so a fast
 * hash is enough; nothing can be guessed from it), with a short prefix to tell keys apart.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../db/database';
import { BadUserInputError } from '../../shared/errors';
import { textProblem } from '../../shared/text';
import type { Role } from '../../shared/principal';

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export const KEY_PREFIX = 'cgk_';
export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

const CREATE = /* cypher */ `
CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, prefix: $prefix,
                  createdAt: datetime(), revokedAt: null})`;
const FIND = /* cypher */ `
MATCH (k:ApiKey {hash: $hash}) WHERE k.revokedAt IS NULL RETURN k.id AS id, k.name AS name, k.role AS role`;
const LIST = /* cypher */ `
MATCH (k:ApiKey) RETURN k.id AS id, k.name AS name, k.role AS role, k.prefix AS prefix,
  toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt ORDER BY k.createdAt, k.id`;
const REVOKE = /* cypher */ `
MATCH (k:ApiKey {id: $id}) WHERE k.revokedAt IS NULL SET k.revokedAt = datetime() RETURN count(k) AS n`;

export class ApiKeyRepository {
  constructor(private readonly db: Database) {}

  /** Creates a key and returns it: the only time the key itself is ever seen. */
  async create(name: string, role: Role): Promise<{ id: string; key: string }> {
    // A key's name is shown in lists and recorded as the author of what it writes.
    const problem = name.trim() === '' ? 'must not be empty' : textProblem(name);
    if (problem) throw new BadUserInputError(`name ${problem}.`, 'name');
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    await this.db.write((tx) =>
      tx.run(CREATE, { id, name, role, hash: hashKey(key), prefix: key.slice(0, 10) }),
    );
    return { id, key };
  }

  async find(key: string): Promise<{ id: string; name: string; role: Role } | undefined> {
    const result = await this.db.query(FIND, { hash: hashKey(key) }, { operation: 'apiKey.find' });
    const r = result.records[0];
    return r
      ? { id: r.get('id') as string, name: r.get('name') as string, role: r.get('role') as Role }
      : undefined;
  }

  async list(): Promise<ApiKeyRecord[]> {
    const result = await this.db.query(LIST, {}, { operation: 'apiKey.list' });
    return result.records.map((r) => ({
      id: r.get('id') as string,
      name: r.get('name') as string,
      role: r.get('role') as Role,
      prefix: r.get('prefix') as string,
      createdAt: r.get('createdAt') as string,
      revokedAt: (r.get('revokedAt') as string | null) ?? null,
    }));
  }

  /** True when a live key was revoked. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.db.write((tx) => tx.run(REVOKE, { id }));
    return Number(result.records[0]?.get('n') ?? 0) > 0;
  }
}
