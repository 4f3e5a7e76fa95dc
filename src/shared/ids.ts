/** Stable ids: UUID v5 of a kind and a key, so the same fact written twice gets the same id. */
import { v5 as uuidv5 } from 'uuid';

/** Namespace of the project's UUID v5 ids (fixed forever: changing it changes every id). */
const ID_NAMESPACE = '4f7f3c2e-8a51-4d8e-9a0b-6c1f0e2d9b37';

export function stableId(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, ID_NAMESPACE);
}
