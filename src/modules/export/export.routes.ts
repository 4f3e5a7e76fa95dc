/**
 * GET /export/<file>: streams the graph (or a filtered part) as GEXF, GraphML, JSON or CSV.
 * Bad parameters get 400 with the same error shape as GraphQL (code, argument, sentence) before
 * a byte of the file is sent; the database down gets 503. A failure in mid-stream can no longer
 * change the status, so it cuts the connection and the client sees an incomplete transfer.
 */
import type { Request, Response } from 'express';
import { AppError } from '../../shared/errors';
import { routeAnswerOf, sendError } from '../../shared/http-errors';
import type { Context } from '../request/context';
import type { Logger } from '../../shared/logger';
import type { ExportService, Query } from './export.service';

/** Text is gathered into chunks of this size before it is written: fewer, larger writes. */
const CHUNK = 64 * 1024;

/** Resolves when the response can take more, or is gone; leaves no listener behind. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Answers a failure before the file started: our coded errors as they are, the rest masked. */
function failWith(res: Response, error: unknown, logger: Logger, requestId?: string): void {
  if (error instanceof AppError) {
    // BUSY and DATABASE_UNAVAILABLE carry their status and Retry-After, as in GraphQL answers.
    const answer = routeAnswerOf(error);
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.status(answer.status).json(answer.body);
    return;
  }
  logger.error({ err: error, requestId }, 'export failed');
  sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'The export failed; the request id is in the logs.');
}

export function exportHandler(
  exports: ExportService,
  context: (req: Request) => Promise<Context>,
  logger: Logger,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const file = String(req.params.file);
    const writer = exports.writer(file);
    if (!writer) {
      sendError(
        res,
        404,
        'NOT_FOUND',
        `There is no export ${JSON.stringify(file)}; try graph.gexf, graph.graphml, graph.json, nodes.csv or edges.csv.`,
      );
      return;
    }
    let ctx: Context;
    try {
      ctx = await context(req);
    } catch (error) {
      failWith(res, error, logger);
      return;
    }
    // Each parameter once: of ?limit=1&limit=2, which one was meant is not for us to guess.
    const repeated = Object.entries(req.query).find(([, v]) => typeof v !== 'string');
    if (repeated) {
      const [name, value] = repeated;
      sendError(
        res,
        400,
        'BAD_USER_INPUT',
        Array.isArray(value)
          ? `${name} is given ${value.length} times; give it once.`
          : `${name} must be a single value.`,
        name,
      );
      return;
    }
    const query = req.query as Query;
    let buffer = '';
    let started = false;
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    const flush = async (): Promise<void> => {
      if (!started) {
        res.status(200);
        res.setHeader('content-type', writer.contentType);
        res.setHeader('content-disposition', `attachment; filename="${file}"`);
        res.setHeader('x-request-id', ctx.requestId);
        started = true;
      }
      const chunk = buffer;
      buffer = '';
      if (!res.write(chunk)) await drained(res);
    };
    const send = async (text: string): Promise<void> => {
      if (closed) throw new Error('the client went away');
      buffer += text;
      if (buffer.length >= CHUNK) await flush();
    };
    try {
      const filter = await exports.filter(ctx, query);
      const withCommunity = exports.withCommunity(query);
      await exports.run(ctx, writer, filter, withCommunity, send);
      await flush();
      res.end();
    } catch (error) {
      if (closed) return;
      if (started) {
        ctx.logger.error({ err: error }, 'export failed in mid-stream');
        res.destroy();
        return;
      }
      failWith(res, error, logger, ctx.requestId);
    }
  };
}
