/** Who is calling: roles in rank order, and the principal every request carries (shared by every layer). */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A role includes every role below it: an admin may edit, an editor may read. */
export const includes = (held: Role, needed: Role): boolean =>
  ROLES.indexOf(held) >= ROLES.indexOf(needed);

export interface Principal {
  /** "anonymous", "key:<name>" or "jwt:<sub>": recorded on ASSERTED evidence. */
  id: string;
  /** null: anonymous. */
  role: Role | null;
}

export const ANONYMOUS: Principal = { id: 'anonymous', role: null };
