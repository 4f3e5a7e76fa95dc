/**
 * Bulk import (POST /import): NDJSON lines read as they arrive, each checked as its GraphQL
 * mutation would check it (the schema's input types, then the services' own rules), gathered
 * into batches written one transaction each (db.write, audited, with what changed), idempotent
 * by slug. A dry run does the same work in transactions that are rolled back. Each job's counts
 * are kept (on this instance) for importJob(id) while the import runs and after.
 */
import { randomUUID } from 'node:crypto';
import type { ChangedItem, Database } from '../../db/database';
import { AppError, BadUserInputError, ConflictError } from '../../shared/errors';
import { fromGlobalId } from '../../shared/global-id';
import type { EvidenceInput } from '../../shared/inputs';
import { SLUG_PATTERN } from '../../shared/inputs';
import {
  ENTITY_LABELS,
  INTERACTION_LABELS,
  type EntityLabel,
  type InteractionLabel,
  type RelationshipType,
} from '../../shared/model';
import { requestScope } from '../../shared/request-scope';
import { ENTITY_TYPES } from '../entity/entity.registry';
import type { CommonInput, EntityWriteService } from '../entity/entity-write.service';
import type { InteractionWriteRepository } from '../interaction/interaction-write.repository';
import type {
  InteractionWrite,
  InteractionWriteService,
} from '../interaction/interaction-write.service';
import { invitationWrite } from '../invitation/invitation.service';
import { presentationWrite } from '../presentation/presentation.service';
import { proposalWrite } from '../proposal/proposal.service';
import { questionWrite } from '../question/question.service';
import { RelationshipType as LinkTypes } from '../relationship/relationship.inputs';
import type { Context } from '../request/context';
import { InputChecker } from './import.check';
import { BodyTooLargeError, type Line } from './import.lines';
import {
  BatchRefusal,
  importBatch,
  refKey,
  type EntityRef,
  type ImportRecord,
  type KnownSlugs,
  type Outcome,
  type PartyRef,
} from './import.repository';

export type JobState = 'RUNNING' | 'DONE' | 'FAILED' | 'ABORTED';

/** One import's progress and counts, as importJob(id) tells them. */
export interface ImportJobRecord {
  id: string;
  state: JobState;
  dryRun: boolean;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  linesRead: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  batchesCommitted: number;
  /** The last line of the last committed batch: every line up to it is written or refused. */
  committedThroughLine: number;
  /** Why the import stopped early (FAILED, ABORTED); null otherwise. */
  error: string | null;
}

export interface ImportLimits {
  batchSize: number;
  maxLineBytes: number;
}

/** One line of the streamed report. */
export type ReportLine = Record<string, unknown>;

/** A dry run's batch, rolled back after its checks: carries the outcomes out of the transaction. */
class DryRunBatch extends Error {
  constructor(readonly outcomes: Outcome[]) {
    super('dry run');
  }
}

/** Jobs kept for importJob(id) once finished, newest last. */
const KEPT_JOBS = 200;

const ENTITY_KINDS = ENTITY_LABELS.filter((l) => ENTITY_TYPES[l].writes !== undefined);
const LINK_TYPES = Object.keys(LinkTypes) as RelationshipType[];
const LINE_KEYS = ['entity', 'link', 'interaction'] as const;

function refusedLine(line: number, error: AppError): Outcome {
  return { line, status: 'refused', error };
}

/** "Label/slug" (an entity in the graph or earlier in the file) or an entity's global id. */
function referenceOf(value: string, argument: string): EntityRef {
  const slash = value.indexOf('/');
  if (slash > 0) {
    const label = value.slice(0, slash);
    const slug = value.slice(slash + 1);
    if ((ENTITY_LABELS as readonly string[]).includes(label) && SLUG_PATTERN.test(slug))
      return { label: label as EntityLabel, slug };
  }
  const parsed = fromGlobalId(value);
  if (parsed && (ENTITY_LABELS as readonly string[]).includes(parsed.type))
    return { uuid: parsed.uuid };
  throw new BadUserInputError(
    `${argument} must name an entity as "Label/slug" (e.g. "Organisation/sitra") or by its global id; got ${JSON.stringify(value.slice(0, 80))}.`,
    argument,
  );
}

export class ImportService {
  private readonly jobs = new Map<string, ImportJobRecord>();
  private checker: Promise<InputChecker> | undefined;

  constructor(
    private readonly db: Database,
    private readonly writes: EntityWriteService,
    private readonly interactions: {
      service: InteractionWriteService;
      repository: InteractionWriteRepository;
    },
    private readonly limits: ImportLimits,
  ) {}

  job(id: string): ImportJobRecord | undefined {
    return this.jobs.get(id);
  }

  /** A new job, RUNNING; the oldest finished ones are forgotten past KEPT_JOBS. */
  start(ctx: Context, dryRun: boolean): ImportJobRecord {
    const job: ImportJobRecord = {
      id: randomUUID(),
      state: 'RUNNING',
      dryRun,
      startedBy: ctx.principal.id,
      startedAt: new Date(),
      finishedAt: null,
      linesRead: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      refused: 0,
      batchesCommitted: 0,
      committedThroughLine: 0,
      error: null,
    };
    this.jobs.set(job.id, job);
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= KEPT_JOBS) break;
      if (old.state !== 'RUNNING') this.jobs.delete(id);
    }
    return job;
  }

  /**
   * Reads every line, checks it, writes (or, dry, checks against the graph and rolls back) in
   * batches, and tells `emit` each line's outcome as its batch ends. `stopped` is asked before
   * each batch: a client gone away ends the import after the last whole batch.
   */
  async run(
    ctx: Context,
    job: ImportJobRecord,
    lines: AsyncIterable<Line>,
    emit: (line: ReportLine) => Promise<void>,
    stopped: () => string | undefined,
  ): Promise<void> {
    const known: KnownSlugs = new Set();
    let batch: ImportRecord[] = [];
    let keys = new Set<string>();
    /** The line that gave each record of the file (its key), to refuse a repeat. */
    const firstLineOf = new Map<string, number>();
    let batchNumber = 0;
    let lastLine = 0;
    const report = async (outcomes: Outcome[]): Promise<void> => {
      for (const o of outcomes) {
        job[o.status] += 1;
        await emit(reportOf(o));
      }
    };
    const flush = async (): Promise<boolean> => {
      if (batch.length === 0) return true;
      const why = stopped();
      if (why) {
        this.finish(job, 'ABORTED', why);
        return false;
      }
      batchNumber += 1;
      const first = batch[0]!.line;
      const outcomes = await this.writeBatch(ctx, job, batch, known, batchNumber);
      await report(outcomes);
      if (!job.dryRun) {
        job.batchesCommitted += 1;
        job.committedThroughLine = lastLine;
      }
      await emit({
        batch: batchNumber,
        lines: [first, lastLine],
        [job.dryRun ? 'checked' : 'committed']: true,
      });
      batch = [];
      keys = new Set();
      return true;
    };
    try {
      const checker = await (this.checker ??= InputChecker.create());
      for await (const line of lines) {
        job.linesRead += 1;
        const record = await this.recordOf(ctx, checker, line);
        if ('status' in record) {
          // Refused before any batch: reported now, counted with the batch's lines.
          await report([record]);
          lastLine = line.number;
          continue;
        }
        // The same record twice in one batch would be read before either is written.
        const key =
          record.kind === 'entity'
            ? refKey(record.label, record.slug)
            : record.kind === 'link'
              ? `${record.type}|${JSON.stringify(record.from)}|${JSON.stringify(record.to)}`
              : `${record.label}|${record.key}`;
        // A record given twice in one file: the second is refused, so that the dry run and the
        // import tell the same, and the same file again is all unchanged.
        const earlier = firstLineOf.get(key);
        if (earlier !== undefined) {
          const what =
            record.kind === 'entity'
              ? `${record.label} with the slug "${record.slug}"`
              : record.kind === 'link'
                ? `${record.type} link between the same two entities`
                : `${record.label} of the same slug`;
          await report([
            refusedLine(
              line.number,
              new ConflictError(
                `Line ${line.number} repeats the ${what} of line ${earlier}: a file gives each record once (merge the two lines).`,
                record.kind === 'link' ? 'input' : 'input.slug',
              ),
            ),
          ]);
          lastLine = line.number;
          continue;
        }
        firstLineOf.set(key, line.number);
        if (keys.has(key) && !(await flush())) return;
        batch.push(record);
        keys.add(key);
        lastLine = line.number;
        if (batch.length >= this.limits.batchSize && !(await flush())) return;
      }
      if (!(await flush())) return;
      if (!job.dryRun) job.committedThroughLine = lastLine;
      this.finish(job, 'DONE', null);
    } catch (error) {
      const why = stopped();
      // Our coded errors and a body over its limit say what happened; anything else is masked.
      const message =
        why ??
        (error instanceof AppError || error instanceof BodyTooLargeError
          ? error.message
          : 'The import failed on an internal error; the request id is in the logs.');
      this.finish(job, why ? 'ABORTED' : 'FAILED', message);
      throw error;
    }
  }

  private finish(job: ImportJobRecord, state: JobState, error: string | null): void {
    job.state = state;
    job.error = error;
    job.finishedAt = new Date();
  }

  /**
   * One batch in one transaction (dry: rolled back after its checks). Records that only their
   * write shows to be wrong (ranges) are refused and the batch runs again without them.
   */
  private async writeBatch(
    ctx: Context,
    job: ImportJobRecord,
    records: ImportRecord[],
    known: KnownSlugs,
    batchNumber: number,
  ): Promise<Outcome[]> {
    let pending = records;
    const refused: Outcome[] = [];
    const scope = {
      who: ctx.principal.id,
      requestId: ctx.requestId,
      operationName: 'import',
      variables: {
        importJob: job.id,
        batch: batchNumber,
        lines: [records[0]!.line, records[records.length - 1]!.line],
      },
    };
    for (;;) {
      try {
        const outcomes = await requestScope.run(scope, () =>
          this.db.write(
            async (tx) => {
              // A real import resolves references in the graph only (earlier batches are in it).
              const seen = job.dryRun ? known : new Set<string>();
              const result = await importBatch(tx, pending, seen, randomUUID, (t, write) =>
                this.interactions.repository.recordIn(t, write),
              );
              if (job.dryRun) throw new DryRunBatch(result);
              return result;
            },
            {
              operation: 'import',
              requestId: ctx.requestId,
              timeoutMs: 120_000,
              describe: (outcomes) =>
                outcomes.flatMap((o): ChangedItem[] =>
                  o.status === 'created' || o.status === 'updated' ? [o.item] : [],
                ),
            },
          ),
        );
        return [...refused, ...outcomes].sort((a, b) => a.line - b.line);
      } catch (error) {
        if (error instanceof DryRunBatch)
          return [...refused, ...error.outcomes].sort((a, b) => a.line - b.line);
        if (!(error instanceof BatchRefusal)) throw error;
        refused.push(...error.refused);
        const lines = new Set(error.refused.map((o) => o.line));
        pending = pending.filter((r) => !lines.has(r.line));
        if (pending.length === 0) return refused.sort((a, b) => a.line - b.line);
      }
    }
  }

  /** A line as a checked record, or its refusal (line, field, sentence, code). */
  private async recordOf(
    ctx: Context,
    checker: InputChecker,
    line: Line,
  ): Promise<ImportRecord | Outcome> {
    const n = line.number;
    if ('oversize' in line)
      return refusedLine(
        n,
        new BadUserInputError(
          `Line ${n} is ${line.oversize} bytes, over the limit of ${this.limits.maxLineBytes} bytes for one record (IMPORT_MAX_LINE_BYTES).`,
          'line',
        ),
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.text);
    } catch (error) {
      return refusedLine(
        n,
        new BadUserInputError(
          `Line ${n} is not valid JSON (${(error as Error).message}); each line holds one JSON object.`,
          'line',
        ),
      );
    }
    try {
      return await this.checked(ctx, checker, n, parsed);
    } catch (error) {
      if (error instanceof AppError) return refusedLine(n, error);
      throw error;
    }
  }

  private async checked(
    ctx: Context,
    checker: InputChecker,
    n: number,
    parsed: unknown,
  ): Promise<ImportRecord | Outcome> {
    const shape = (): BadUserInputError =>
      new BadUserInputError(
        `Line ${n} must be an object with one of "entity", "link" or "interaction" and an "input" object, e.g. {"entity":"Organisation","input":{"name":"Sitra","kind":"FUND"}}.`,
        'line',
      );
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw shape();
    const object = parsed as Record<string, unknown>;
    const kinds = LINE_KEYS.filter((k) => k in object);
    const extra = Object.keys(object).filter(
      (k) => k !== 'input' && !(LINE_KEYS as readonly string[]).includes(k),
    );
    const input = object.input;
    if (kinds.length !== 1 || extra.length > 0) throw shape();
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw shape();
    const kind = kinds[0]!;
    const value = object[kind];
    if (kind === 'interaction') return this.interaction(ctx, checker, n, value, input);
    if (kind === 'entity') {
      if (typeof value !== 'string' || !(ENTITY_KINDS as readonly string[]).includes(value))
        throw new BadUserInputError(
          `entity must be one of ${ENTITY_KINDS.join(', ')}; got ${JSON.stringify(value)}.`,
          'entity',
        );
      const label = value as EntityLabel;
      const outcome = await checker.check<CommonInput & Record<string, unknown>>(label, input);
      if ('refusal' in outcome)
        throw new BadUserInputError(outcome.refusal.message, outcome.refusal.field);
      const checkedInput = outcome.value;
      const own = Object.fromEntries(
        ENTITY_TYPES[label].writes!.fields.map((f) => [f, checkedInput[f]]),
      );
      const { slug, write, evidence } = this.writes.prepare(ctx, label, checkedInput, own);
      return { kind: 'entity', line: n, label, slug, write, evidence };
    }
    if (typeof value !== 'string' || !(LINK_TYPES as readonly string[]).includes(value))
      throw new BadUserInputError(
        `link must be one of ${LINK_TYPES.join(', ')}; got ${JSON.stringify(value)}.`,
        'link',
      );
    const type = value as RelationshipType;
    const given = input as Record<string, unknown>;
    if (given.type !== undefined && given.type !== type)
      throw new BadUserInputError(
        `input.type ${JSON.stringify(given.type)} differs from the line's link ${type}; leave input.type out.`,
        'input.type',
      );
    const outcome = await checker.check<{
      from: string;
      to: string;
      role?: string | null;
      startDate?: string | null;
      endDate?: string | null;
      evidence?: EvidenceInput[] | null;
    }>('link', { ...given, type });
    if ('refusal' in outcome)
      throw new BadUserInputError(outcome.refusal.message, outcome.refusal.field);
    const link = outcome.value;
    this.writes.checkLinkDates(link);
    return {
      kind: 'link',
      line: n,
      type,
      from: referenceOf(link.from, 'input.from'),
      to: referenceOf(link.to, 'input.to'),
      role: link.role ?? null,
      startDate: link.startDate ?? null,
      endDate: link.endDate ?? null,
      evidence: this.writes.evidence(ctx, link.evidence),
    };
  }

  /**
   * An interaction line: its input checked as its record mutation checks it, its party
   * references ("Label/slug" or global ids) parsed; the write is built in the batch, once they
   * are resolved to global ids, by the mutation's own code.
   */
  private async interaction(
    ctx: Context,
    checker: InputChecker,
    n: number,
    value: unknown,
    input: object,
  ): Promise<ImportRecord> {
    if (typeof value !== 'string' || !(INTERACTION_LABELS as readonly string[]).includes(value))
      throw new BadUserInputError(
        `interaction must be one of ${INTERACTION_LABELS.join(', ')}; got ${JSON.stringify(value)}.`,
        'interaction',
      );
    const label = value as InteractionLabel;
    const outcome = await checker.check<Record<string, unknown> & { slug?: string | null }>(
      label,
      input,
    );
    if ('refusal' in outcome)
      throw new BadUserInputError(outcome.refusal.message, outcome.refusal.field);
    const checked = outcome.value;
    const refs: PartyRef[] = [];
    for (const field of PARTY_FIELDS[label]) {
      const given = checked[field] as string | string[] | null | undefined;
      const list = Array.isArray(given)
        ? given.map((v, i) => [v, `input.${field}[${i}]`] as const)
        : typeof given === 'string'
          ? [[given, `input.${field}`] as const]
          : [];
      for (const [v, argument] of list)
        refs.push({ argument, value: v, ref: referenceOf(v, argument) });
    }
    return {
      kind: 'interaction',
      line: n,
      label,
      key: checked.slug ?? JSON.stringify(input),
      refs,
      build: (globalIds) => {
        // The checked input (its class, so the mutation's code reads it as it reads its own),
        // with each reference as the global id it resolved to.
        const resolved = Object.assign(
          Object.create(Object.getPrototypeOf(checked) as object) as object,
          checked,
        ) as Record<string, unknown>;
        for (const field of PARTY_FIELDS[label]) {
          const given = checked[field] as string | string[] | null | undefined;
          if (Array.isArray(given)) resolved[field] = given.map((v) => globalIds.get(v) ?? v);
          else if (typeof given === 'string') resolved[field] = globalIds.get(given) ?? given;
        }
        return this.interactions.service.prepare(ctx, INTERACTION_WRITES[label](resolved as never));
      },
    };
  }
}

/** The party fields of each interaction kind's input: references to entities. */
const PARTY_FIELDS = {
  Invitation: ['inviter', 'onBehalfOf', 'invitees', 'target'],
  Presentation: ['presenters', 'event', 'subjects', 'onBehalfOf'],
  Proposal: ['proposers', 'event', 'subjects'],
  Question: ['askers', 'event', 'subjects'],
} as const satisfies Record<InteractionLabel, readonly string[]>;

/** Each interaction kind's write from its (checked) input, as its record mutation makes it. */
const INTERACTION_WRITES: Record<InteractionLabel, (input: never) => InteractionWrite> = {
  Invitation: invitationWrite,
  Presentation: presentationWrite,
  Proposal: proposalWrite,
  Question: questionWrite,
};

/** A line's outcome as the report tells it: global ids for entities, the reason for refusals. */
function reportOf(o: Outcome): ReportLine {
  if (o.status === 'refused') {
    const argument = o.error.details.argument;
    return {
      line: o.line,
      status: 'refused',
      code: o.error.code,
      field: typeof argument === 'string' ? argument : null,
      message: o.error.message,
    };
  }
  return {
    line: o.line,
    status: o.status,
    type: o.item.type,
    // The change feed's id (a global id; a link's opaque id); null for a link a dry run would
    // make between entities that only earlier lines create.
    id: o.item.id || null,
    ...(o.item.from ? { from: o.item.from, to: o.item.to } : {}),
    fields: o.item.fields,
  };
}
