/**
 * POST /import: an NDJSON body in, an NDJSON report out, both streamed. Refusals of the request
 * itself (credentials, role, content type, parameters, a declared size over the limit) answer
 * 4xx in the GraphQL error shape before anything is read; from then on the answer is 200 and
 * each line says what became of its record, each batch when it committed, and the last line the
 * job's totals (or the error that stopped it and how far the committed batches reach).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { AppError, challenge } from '../../shared/errors';
import { routeAnswerOf, sendError } from '../../shared/http-errors';
import type { Logger } from '../../shared/logger';
import { includes } from '../../shared/principal';
import type { Context } from '../request/context';
import { BodyTooLargeError, ndjsonLines } from './import.lines';
import type { ImportJobRecord, ImportService, ReportLine } from './import.service';

const NDJSON = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

export interface ImportRouteLimits {
  maxLineBytes: number;
  maxBodyBytes: number;
}

/** A boolean parameter: absent, "true" or "false"; anything else is refused (undefined). */
function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return undefined;
}

export function importHandler(
  imports: ImportService,
  context: (req: Request) => Promise<Context>,
  limits: ImportRouteLimits,
  logger: Logger,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    let ctx: Context;
    try {
      ctx = await context(req);
    } catch (error) {
      if (error instanceof AppError) {
        const answer = routeAnswerOf(error);
        for (const [name, value] of answer.headers) res.setHeader(name, value);
        res.status(answer.status).json(answer.body);
      } else {
        logger.error({ err: error }, 'import refused: context failed');
        sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      }
      return;
    }
    const role = ctx.principal.role;
    if (role === null) {
      res.setHeader('www-authenticate', challenge());
      sendError(
        res,
        401,
        'UNAUTHENTICATED',
        'POST /import needs an editor or admin credential: send "Authorization: Bearer <key>".',
      );
      return;
    }
    if (!includes(role, 'editor')) {
      sendError(
        res,
        403,
        'FORBIDDEN',
        `POST /import needs the role editor or admin; these credentials are ${role}.`,
      );
      return;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!NDJSON.includes(type)) {
      sendError(
        res,
        415,
        'BAD_REQUEST',
        `POST /import takes NDJSON: send "Content-Type: application/x-ndjson", one JSON record per line (got ${JSON.stringify(type || 'none')}).`,
      );
      return;
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') {
      sendError(
        res,
        415,
        'BAD_REQUEST',
        `POST /import takes an uncompressed body (Content-Encoding ${JSON.stringify(encoding)} is not read).`,
      );
      return;
    }
    for (const name of Object.keys(req.query)) {
      if (!['dryRun', 'report', 'atomic'].includes(name)) {
        sendError(
          res,
          400,
          'BAD_USER_INPUT',
          `POST /import takes the parameters dryRun, atomic and report; ${name} is unknown.`,
          name,
        );
        return;
      }
    }
    const dryRun = flag(req.query.dryRun);
    if (dryRun === undefined) {
      sendError(res, 400, 'BAD_USER_INPUT', 'dryRun must be true or false, given once.', 'dryRun');
      return;
    }
    const atomic = flag(req.query.atomic);
    if (atomic === undefined || (atomic && dryRun)) {
      sendError(
        res,
        400,
        'BAD_USER_INPUT',
        atomic === undefined
          ? 'atomic must be true or false, given once.'
          : 'atomic and dryRun go apart: a dry run writes nothing anyway.',
        'atomic',
      );
      return;
    }
    const report = req.query.report ?? 'all';
    if (report !== 'all' && report !== 'refused') {
      sendError(
        res,
        400,
        'BAD_USER_INPUT',
        'report must be all (every line) or refused (refused lines only), given once.',
        'report',
      );
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxBodyBytes) {
      sendError(
        res,
        413,
        'BAD_USER_INPUT',
        `The body is ${declared} bytes, over the limit of ${limits.maxBodyBytes} bytes (IMPORT_MAX_BYTES); split the file.`,
      );
      return;
    }

    let gone = false;
    res.on('close', () => {
      if (!res.writableFinished) gone = true;
    });
    res.status(200);
    res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('x-request-id', ctx.requestId);
    const write = async (line: ReportLine): Promise<void> => {
      if (gone) return;
      if (!res.write(`${JSON.stringify(line)}\n`))
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
    };
    const stopped = (): string | undefined =>
      gone ? 'The client went away; the import stopped after its last whole batch.' : undefined;
    /** Runs one job over `body`, reporting as asked; false when it ended early (told in the report). */
    const runJob = async (
      job: ImportJobRecord,
      body: AsyncIterable<Buffer>,
      only: 'all' | 'refused',
    ): Promise<boolean> => {
      const emit = (line: ReportLine): Promise<void> =>
        only === 'refused' && line.status !== undefined && line.status !== 'refused'
          ? Promise.resolve()
          : write(line);
      try {
        await imports.run(
          ctx,
          job,
          ndjsonLines(body, limits.maxLineBytes, limits.maxBodyBytes),
          emit,
          stopped,
        );
        return true;
      } catch (error) {
        if (gone) {
          ctx.logger.warn(
            { job: job.id, committedThroughLine: job.committedThroughLine },
            'import client went away',
          );
          return false;
        }
        await write(failureLine(error, job, ctx));
        return false;
      }
    };
    if (!atomic) {
      const job = imports.start(ctx, dryRun);
      res.setHeader('x-import-job', job.id);
      await write({ job: job.id, dryRun });
      await runJob(job, req, report);
      await write({ summary: job });
      res.end();
      return;
    }
    // All or nothing: the body is spooled to a file, checked whole (a dry run: refused lines
    // only), and imported from the file only when no line was refused.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cluster-graph-import-'));
    const file = path.join(dir, 'body.ndjson');
    try {
      const check = imports.start(ctx, true);
      res.setHeader('x-import-job', check.id);
      try {
        await pipeline(req, bounded(limits.maxBodyBytes), createWriteStream(file));
      } catch (error) {
        if (!gone) await write(failureLine(error, check, ctx));
        res.end();
        return;
      }
      await write({ job: check.id, dryRun: true, atomic: true });
      const checked = await runJob(check, createReadStream(file), 'refused');
      await write({ summary: check });
      if (!checked || check.refused > 0) {
        await write({ atomic: { written: false, refused: check.refused } });
        res.end();
        return;
      }
      const job = imports.start(ctx, false);
      await write({ job: job.id, dryRun: false, atomic: true });
      await runJob(job, createReadStream(file), report);
      await write({ summary: job });
      res.end();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/** A body's bytes passed on until there are more than `limit`. */
function bounded(limit: number): (source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer> {
  return async function* (source) {
    let total = 0;
    for await (const chunk of source) {
      total += chunk.length;
      if (total > limit) throw new BodyTooLargeError(limit);
      yield chunk;
    }
  };
}

/** The report line of an import stopped by an error: our codes said, anything else masked. */
function failureLine(error: unknown, job: ImportJobRecord, ctx: Context): ReportLine {
  const known =
    error instanceof AppError
      ? error
      : error instanceof BodyTooLargeError
        ? new AppError('BAD_USER_INPUT', error.message)
        : undefined;
  if (!known) ctx.logger.error({ err: error, job: job.id }, 'import failed');
  return {
    error: {
      code: known?.code ?? 'INTERNAL_SERVER_ERROR',
      message: known?.message ?? 'The import failed; the request id is in the logs.',
    },
    committedThroughLine: job.committedThroughLine,
    batchesCommitted: job.batchesCommitted,
  };
}
