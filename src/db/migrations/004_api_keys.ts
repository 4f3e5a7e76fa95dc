/** API keys: unique ids and hashes (a key is found by the SHA-256 of what the client sends). */
import type { Migration } from './migration';

export const migration: Migration = {
  id: '004_api_keys',
  description: 'API keys, stored as hashes',
  statements: [
    'CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.hash IS UNIQUE',
  ],
};
