/**
 * class-validator failures told as clients see them: the argument path of the first failed
 * constraint and its sentence (GraphQL answers and bulk import's per-line report alike).
 */
import type { ValidationError } from 'class-validator';

/** The first failed constraint as "input.aliases[0].language" and its sentence. */
export function firstViolation(
  errors: ValidationError[],
  prefix: string,
): { path: string; message: string } | undefined {
  for (const e of errors) {
    const path = /^\d+$/.test(e.property)
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    const constraint = e.constraints ? Object.values(e.constraints)[0] : undefined;
    if (constraint) return { path, message: constraint };
    const nested = firstViolation(e.children ?? [], path);
    if (nested) return nested;
  }
  return undefined;
}
