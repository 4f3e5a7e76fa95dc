/**
 * The database gateway: owns the one neo4j-driver of the process and is the only code that
 * opens sessions. Writes run in transaction functions (executeWrite, which retries transient
 * failures); reads in auto-commit statements with the same retries (see autoCommitRead); all
 * tagged with metadata, and driver errors are mapped by their *code* to our error classes.
 */
import neo4j, {
  Neo4jError,
  isRetryableError,
  type Driver,
  type Session,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
  type Result,
} from 'neo4j-driver';
import { DatabaseUnavailableError, ConflictError, TooExpensiveError } from '../shared/errors';
import { requestScope, type RequestScope } from '../shared/request-scope';
import { DEFAULT_WATCHDOG, Watchdog, within, type WatchdogOptions } from './watchdog';

export interface TxOptions {
  /** Shown in Neo4j's query log and `SHOW TRANSACTIONS`. */
  operation?: string;
  requestId?: string;
  timeoutMs?: number;
  /**
   * The process's own bookkeeping, not data of the graph nor a caller's work (the webhook
   * dispatcher's leases, cursors and delivery log): no write hooks (the graph version, which
   * caches are keyed by, and the audit stay still), and its statements are not counted as round
   * trips nor shown to statement listeners.
   */
  bookkeeping?: boolean;
}

/**
 * One thing a write changed, as the change feed and webhooks tell it: the entity or link id, its
 * type (a label such as "Organisation", or a link type such as "AFFILIATED_WITH"), what happened
 * to it and, for creates and updates, the fields the write set.
 */
export interface ChangedItem {
  id: string;
  type: string;
  op: 'CREATE' | 'UPDATE' | 'DELETE';
  fields: string[];
  /** A link's two ends. */
  from?: string;
  to?: string;
}

/** A write's options, with how to tell what its work changed (see WriteEvent.items). */
export interface WriteOptions<T> extends TxOptions {
  /**
   * Reads what changed from the work's value; without it, hooks get `items: null`. An empty list
   * says the work changed nothing a reader could see (it only locked what it compared, writing
   * a property and removing it): the write hooks do not run, as for a write that wrote nothing.
   */
  describe?: (value: T) => ChangedItem[];
}

/** Told the mode, duration and outcome of each transaction function (metrics). */
export type TransactionObserver = (mode: 'READ' | 'WRITE', seconds: number, ok: boolean) => void;
/** Sees every statement our code sends (not the write hooks' bookkeeping), as it is sent. */
export type StatementListener = (cypher: string, params: Record<string, unknown>) => void;

/** A write that changed data, as its write hooks are told of it. */
export interface WriteEvent {
  /** The operation the write was tagged with (TxOptions.operation), e.g. "create Organisation". */
  operation: string;
  /** What the write's work returned (an id, for the writes that create or update one). */
  value: unknown;
  /** Sum of the write's counters, without the zeros. */
  changes: Record<string, number>;
  /** The API request the write belongs to; none for writes outside a request (seeds, CLI). */
  scope: RequestScope | undefined;
  /** What changed, item by item, when the write said (WriteOptions.describe); else null. */
  items: ChangedItem[] | null;
}

/**
 * Bookkeeping of the modules that must change with the data or not at all (the graph version,
 * the audit log): run in the write's own transaction after its work, only when the work changed
 * data, in the order registered; its statements are not counted as round trips.
 */
export type WriteHook = (tx: ManagedTransaction, write: WriteEvent) => Promise<void>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Bound on each transaction; a runaway query is cut off rather than left running. */
  defaultTimeoutMs?: number;
  /** How long transaction functions retry transient failures before giving up. */
  maxRetryMs?: number;
  /** Client-side deadlines for a database that stops answering (see watchdog.ts). */
  watchdog?: Partial<WatchdogOptions>;
  /** Told when the database stops answering (true) and when it answers again (false). */
  onAvailabilityChange?: (down: boolean) => void;
}

/** Failures of connecting that a person must fix in the configuration. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

/** Sum of the statements' counters, without the zeros. */
function totals(summaries: Record<string, number>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const s of summaries)
    for (const [k, v] of Object.entries(s)) if (v > 0) sum[k] = (sum[k] ?? 0) + v;
  return sum;
}

const DATA_UPDATES = [
  'nodesCreated',
  'nodesDeleted',
  'relationshipsCreated',
  'relationshipsDeleted',
  'propertiesSet',
  'labelsAdded',
  'labelsRemoved',
] as const;

/** A node or relationship a transaction had read was deleted by another one before it was used. */
const DELETED_MEANWHILE = 'Neo.ClientError.Statement.EntityNotFound';
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);
const TOO_MUCH_MEMORY = new Set([
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
]);
const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/**
 * Errors worth running a read again for. The driver counts a transaction over its own memory
 * limit as transient, but the same statement will need the same memory again: retrying only
 * delays the answer (QUERY_TOO_COMPLEX) by the whole retry window.
 */
function retryable(error: unknown): boolean {
  return (
    isRetryableError(error) && !(error instanceof Neo4jError && TOO_MUCH_MEMORY.has(error.code))
  );
}

export function isUnavailable(error: unknown): boolean {
  return error instanceof Neo4jError && UNAVAILABLE.has(error.code);
}

/**
 * A write broke a uniqueness constraint (a slug taken, by another transaction too: the
 * constraint is what makes concurrent creates have one winner). Repositories that know which
 * input holds the unique value catch it and name that argument.
 */
export class UniqueValueTakenError extends ConflictError {
  constructor() {
    super('The write conflicts with an existing record (a unique value is taken).');
  }
}

/** Maps driver errors (by code) to the errors the API speaks; leaves the rest alone. */
export function translateError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (
    UNAVAILABLE.has(error.code) ||
    error.code === 'Neo.TransientError.General.DatabaseUnavailable'
  ) {
    return new DatabaseUnavailableError();
  }
  // The memory all transactions together may use is spent: the server is busy, not the request
  // wrong; the read retries have waited already, so the client is asked to come back.
  if (error.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError') {
    return new DatabaseUnavailableError(
      'The graph database is out of memory for queries right now (too much heavy work at once); try again shortly.',
    );
  }
  if (TOO_MUCH_MEMORY.has(error.code)) {
    return new TooExpensiveError(
      'memory',
      'This operation needs more memory than the graph database allows one request; ask for less (fewer hops, a smaller page or limit).',
    );
  }
  if (TIMED_OUT.has(error.code)) {
    return new TooExpensiveError(
      'time',
      'This operation ran longer than the graph database allows one request; ask for less (fewer hops, a smaller page or limit).',
    );
  }
  if (error.code === DELETED_MEANWHILE) {
    return new ConflictError(
      'A record this request uses was deleted by another request at the same moment; send it again.',
    );
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new UniqueValueTakenError();
  }
  return error;
}

export class Database {
  readonly driver: Driver;
  readonly name: string;
  private readonly defaultTimeoutMs: number;
  private readonly maxRetryMs: number;
  /** Statements sent since start; tests read it to prove nested reads are batched. */
  private queries = 0;
  private readonly observers = new Set<TransactionObserver>();
  private readonly statementListeners = new Set<StatementListener>();
  private readonly writeHooks = new Set<WriteHook>();
  private readonly watchdog: Watchdog;

  constructor(private readonly options: DatabaseOptions) {
    this.name = options.database;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
    this.maxRetryMs = options.maxRetryMs ?? 5_000;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // Keep a dead server from hanging requests; the API answers DATABASE_UNAVAILABLE instead.
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      // Long enough to ride out a leader switch or a brief restart, short enough that a request
      // during an outage gets DATABASE_UNAVAILABLE instead of hanging.
      maxTransactionRetryTime: this.maxRetryMs,
      disableLosslessIntegers: false,
    });
    this.watchdog = new Watchdog(
      (timeoutMs) => this.ping(timeoutMs),
      { ...DEFAULT_WATCHDOG, ...options.watchdog },
      options.onAvailabilityChange,
    );
  }

  /** True while the database is known not to answer (requests fail at once meanwhile). */
  get down(): boolean {
    return this.watchdog.down;
  }

  /** Calls `observer` after every transaction function; returns a function that stops it. */
  observe(observer: TransactionObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /**
   * Calls `listener` with every statement sent (round trips: metrics, and the benchmark's
   * replay of our Cypher through the bare driver); returns a function that stops it.
   */
  onStatement(listener: StatementListener): () => void {
    this.statementListeners.add(listener);
    return () => this.statementListeners.delete(listener);
  }

  /**
   * Runs `hook` in every write that changes data, after the work and in its transaction (see
   * WriteHook); a hook registered twice runs once. Returns a function that removes it.
   */
  onWrite(hook: WriteHook): () => void {
    this.writeHooks.add(hook);
    return () => this.writeHooks.delete(hook);
  }

  get queryCount(): number {
    return this.queries;
  }

  /**
   * Checks that the server answers and accepts our credentials. Throws DatabaseConfigError with
   * one sentence a person can act on.
   */
  async verify(): Promise<void> {
    try {
      await this.driver.verifyAuthentication({ database: this.name });
      await this.driver.verifyConnectivity({ database: this.name });
    } catch (error) {
      const code = error instanceof Neo4jError ? error.code : '';
      if (
        code === 'Neo.ClientError.Security.Unauthorized' ||
        code === 'Neo.ClientError.Security.AuthenticationRateLimit'
      ) {
        throw new DatabaseConfigError(
          `Neo4j at ${this.options.uri} refused user "${this.options.user}": check NEO4J_USER and NEO4J_PASSWORD.`,
        );
      }
      if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
        throw new DatabaseConfigError(
          `Neo4j at ${this.options.uri} has no database "${this.name}": check NEO4J_DATABASE.`,
        );
      }
      if (UNAVAILABLE.has(code)) {
        throw new DatabaseConfigError(
          `Neo4j does not answer at ${this.options.uri}: check NEO4J_URI and that the server is running.`,
        );
      }
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new DatabaseConfigError(`Neo4j at ${this.options.uri} could not be used: ${message}`);
    }
  }

  /**
   * True when a trivial read succeeds within timeoutMs, measured here (a frozen server never
   * enforces its own timeout); never throws. A session given up on is closed in the
   * background, whenever the server answers.
   */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: neo4j.session.READ,
    });
    const answered = session.run('RETURN 1', {}, { timeout: timeoutMs }).then(() => true);
    const ok = await within(answered, timeoutMs, false);
    void answered.catch(() => false).finally(() => session.close().catch(() => undefined));
    return ok;
  }

  /** Name and version of the server, e.g. { name: "Neo4j Kernel", version: "5.26.30", edition: "community" }. */
  async serverInfo(): Promise<{ version: string; edition: string }> {
    const result = await this.read((tx) =>
      tx.run(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      ),
    );
    const record = result.records[0];
    return { version: String(record?.get('version')), edition: String(record?.get('edition')) };
  }

  read<T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.run('READ', work, options);
  }

  write<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    options: WriteOptions<T> = {},
  ): Promise<T> {
    return this.run('WRITE', work, options);
  }

  /**
   * A read whose output leaves the process as it arrives (exports): one explicit transaction and
   * no retry, since rows already sent cannot be taken back; a failure ends the stream instead.
   */
  stream<T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.watchdog.run(() => this.streamed(work, options));
  }

  private async streamed<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    options: TxOptions,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      const tx = await session.beginTransaction(this.txConfig(options));
      try {
        const value = await work(this.counting(tx as unknown as ManagedTransaction));
        await tx.commit();
        return value;
      } catch (error) {
        await tx.rollback().catch(() => undefined);
        throw error;
      }
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** One statement in its own read transaction. */
  query<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Record<string, unknown> = {},
    options: TxOptions = {},
  ): Promise<QueryResult<R>> {
    return this.read((tx) => tx.run<R>(cypher, params), options);
  }

  async close(): Promise<void> {
    this.watchdog.close();
    await this.driver.close();
  }

  private run<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    options: WriteOptions<T>,
  ): Promise<T> {
    return this.watchdog.run((check) => this.guarded(mode, work, options, check));
  }

  private async guarded<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    options: WriteOptions<T>,
    check: () => void,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = this.txConfig(options);
    const started = performance.now();
    let ok = false;
    try {
      const value =
        mode === 'READ'
          ? await this.autoCommitRead(session, work, config, options.bookkeeping === true)
          : await this.rerunIfRaced(() =>
              session.executeWrite((tx) => {
                // Given up on (the database froze): neither retried nor committed afterwards.
                check();
                return this.withHooks(tx, work, options, check);
              }, config),
            );
      ok = true;
      return value;
    } catch (error) {
      throw translateError(error);
    } finally {
      const seconds = (performance.now() - started) / 1000;
      for (const observer of this.observers) observer(mode, seconds, ok);
      await session.close().catch(() => undefined);
    }
  }

  /**
   * A write that met a node another transaction deleted after this one had read it (a detaching
   * delete racing a link to the node) is run again from the start: its own checks then see the
   * node gone and answer NOT_FOUND, or it succeeds. The driver retries only transient errors.
   */
  private async rerunIfRaced<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (!(error instanceof Neo4jError && error.code === DELETED_MEANWHILE) || attempt >= 3)
          throw error;
      }
    }
  }

  /**
   * Reads run as auto-commit statements: one network round trip each (RUN and PULL go
   * together) instead of the two an explicit transaction needs (BEGIN and RUN, then COMMIT),
   * and half the Bolt messages. Nothing is lost: Neo4j isolates statements of one transaction
   * only as read-committed anyway. Reads are idempotent, so transient failures are retried here
   * as a transaction function would, with the same deadline and a jittered back-off.
   */
  private async autoCommitRead<T>(
    session: Session,
    work: (tx: ManagedTransaction) => Promise<T>,
    config: ReturnType<Database['txConfig']>,
    bookkeeping: boolean,
  ): Promise<T> {
    const tx = {
      run: (cypher: string, params?: Record<string, unknown>) =>
        session.run(cypher, params, config),
    } as unknown as ManagedTransaction;
    const deadline = Date.now() + this.maxRetryMs;
    for (let delay = 200; ; delay = Math.min(delay * 2, 2_000)) {
      try {
        return await work(bookkeeping ? tx : this.counting(tx));
      } catch (error) {
        const wait = delay * (0.8 + Math.random() * 0.4);
        if (!retryable(error) || Date.now() + wait > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private txConfig(options: TxOptions): {
    timeout: number;
    metadata: Record<string, string>;
  } {
    return {
      timeout: options.timeoutMs ?? this.defaultTimeoutMs,
      metadata: {
        app: 'cluster-graph',
        operation: options.operation ?? '',
        requestId: options.requestId ?? '',
      },
    };
  }

  /**
   * Runs a write and, when it changed anything, its write hooks in the same transaction, so
   * their bookkeeping (a version a cache is keyed by, an audit entry) can never be seen without
   * the change, nor the change without it: a rollback undoes both. Not counted as round trips:
   * it is bookkeeping, not the caller's work.
   */
  private async withHooks<T>(
    tx: ManagedTransaction,
    work: (tx: ManagedTransaction) => Promise<T>,
    options: WriteOptions<T>,
    check: () => void,
  ): Promise<T> {
    const results: Result[] = [];
    if (options.bookkeeping) {
      const value = await work(tx);
      check();
      return value;
    }
    const value = await work(this.counting(tx, results));
    const summaries: Record<string, number>[] = [];
    for (const result of results) summaries.push((await result.summary()).counters.updates());
    // Data changes only: a schema change (migration) may not share its transaction with one.
    const changed = summaries.some((u) => DATA_UPDATES.some((key) => (u[key] ?? 0) > 0));
    // A write that says it changed nothing (it only locked what it compared) is no change.
    const items = changed && options.describe ? options.describe(value) : null;
    if (changed && items?.length !== 0 && this.writeHooks.size > 0) {
      const write: WriteEvent = {
        operation: options.operation ?? '',
        value,
        changes: totals(summaries),
        scope: requestScope.getStore(),
        items,
      };
      for (const hook of this.writeHooks) await hook(tx, write);
    }
    // The caller was told DATABASE_UNAVAILABLE meanwhile: roll back rather than commit.
    check();
    return value;
  }

  /** Wraps tx.run so every statement is counted (round trips are a tested property). */
  private counting(tx: ManagedTransaction, results?: Result[]): ManagedTransaction {
    const run = tx.run.bind(tx);
    const wrapped = Object.create(tx) as ManagedTransaction;
    wrapped.run = ((...args: Parameters<ManagedTransaction['run']>) => {
      this.queries += 1;
      for (const listener of this.statementListeners)
        listener(String(args[0]), (args[1] ?? {}) as Record<string, unknown>);
      const result = run(...args);
      results?.push(result);
      return result;
    }) as ManagedTransaction['run'];
    return wrapped;
  }
}
