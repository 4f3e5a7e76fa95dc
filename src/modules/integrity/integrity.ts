/**
 * Running the integrity rules: over the whole graph (tests), over what one write touched (in the
 * write's own transaction, so a write that would break a rule is refused and rolled back), and
 * the read side's test of one interaction record (a broken record is skipped, not answered).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { AppError } from '../../shared/errors';
import { NODE_TYPES, toGlobalId, type NodeType } from '../../shared/global-id';
import type { InteractionLabel } from '../../shared/model';
import {
  COMMON_PARAMS,
  INTEGRITY_RULES,
  INTERACTION_PARTY_RULES,
  type RuleSubject,
  type Violation,
} from './integrity.rules';

/** Anything that runs Cypher: a transaction, or a read of the gateway. */
type Runner = Pick<ManagedTransaction, 'run'>;

/** Violations of the rules about `subject` (all subjects when absent), limited to `ids` if given. */
export async function findViolations(
  tx: Runner,
  scope: { subject?: RuleSubject; ids?: readonly string[] | null } = {},
): Promise<Violation[]> {
  const found: Violation[] = [];
  for (const rule of INTEGRITY_RULES) {
    if (scope.subject && rule.subject !== scope.subject) continue;
    const result = await tx.run(rule.check, {
      ...COMMON_PARAMS,
      ...rule.params,
      ids: scope.ids ? [...scope.ids] : null,
    });
    for (const r of result.records) {
      found.push({
        rule: rule.id,
        subject: String(r.get('subject')),
        kind: String(r.get('kind')),
        problem: String(r.get('problem')),
      });
    }
  }
  return found;
}

/** A violation's subject as a client knows it: a global id (evidence: its own id). */
export function subjectId(v: Violation): string {
  return (NODE_TYPES as readonly string[]).includes(v.kind)
    ? toGlobalId(v.kind as NodeType, v.subject)
    : v.subject;
}

/**
 * Refuses (CONFLICT, naming `argument`) a write that would leave any of the given interactions
 * breaking a rule; the thrown error rolls the write's transaction back. `what` says what the
 * write was about to do ("Deleting this Person").
 */
export async function keepInteractionRules(
  tx: Runner,
  ids: readonly string[],
  what: string,
  argument: string,
): Promise<void> {
  if (ids.length === 0) return;
  const violations = await findViolations(tx, { subject: 'Interaction', ids });
  if (violations.length === 0) return;
  const dependents = [...new Set(violations.map(subjectId))];
  const listed = violations
    .slice(0, 5)
    .map((v) => `${v.kind} ${subjectId(v)} (${v.problem})`)
    .join('; ');
  throw new AppError(
    'CONFLICT',
    `${what} would leave ${dependents.length} interaction(s) without a party they need: ${listed}${
      violations.length > 5 ? '; ...' : ''
    }. Delete those first (deleteInteraction) or record them with another party.`,
    { argument, dependents },
  );
}

/**
 * The rules about parties that one interaction record breaks (e.g. ["inviter"]), from its
 * links. The read side skips such a record: a non-null field (inviter, target, presenter)
 * could not be answered and would null the whole list.
 */
export function brokenParties(record: {
  label: InteractionLabel;
  links: readonly { type: string; outgoing: boolean }[];
}): string[] {
  return INTERACTION_PARTY_RULES[record.label]
    .filter((p) => {
      const n = record.links.filter((l) => l.type === p.type && l.outgoing === p.outgoing).length;
      return n < p.min || (p.max !== undefined && n > p.max);
    })
    .map((p) => p.field);
}
