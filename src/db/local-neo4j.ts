/**
 * Starts and stops the real Neo4j of docker/neo4j-local (Neo4j Community 5.26, embedded DBMS
 * with the Bolt connector) for machines without Docker: `npm start` without NEO4J_URI, and the
 * test harness.
 *
 * The Maven project is built once (the first run downloads Neo4j into ~/.m2); afterwards the
 * JVM is started directly from target/classpath.txt, so later runs need no network. The JVM
 * stops on stop(), and by itself when this process dies (its stdin closes and it watches our
 * pid), so no Java process outlives its owner. While it runs, <data dir>/connection.json (mode
 * 600) tells the command-line tools where it is.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot, type LocalNeo4jConfig } from '../config';

export const LAUNCHER_DIR = path.join(projectRoot(), 'docker', 'neo4j-local');
const MAIN_CLASS = 'org.clustergraph.neo4jlocal.Neo4jLocal';
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const CLASS_FILE =
  path.join(LAUNCHER_DIR, 'target', 'classes', ...MAIN_CLASS.split('.')) + '.class';
export const MIN_JAVA = 17;

/** A failure to start, said in one sentence for the person at the terminal. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4jOptions extends LocalNeo4jConfig {
  password: string;
  /** Progress lines (build, start, stop) for the caller's logger. */
  log?: (message: string) => void;
  /** How long to wait for Bolt, in milliseconds. */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** Milliseconds from spawning the JVM to Bolt answering. */
  startMs: number;
  /**
   * Settles when the JVM has exited, for whatever reason: after stop(), or unasked (killed,
   * crashed, out of memory), which a supervisor tells apart by `stopped`.
   */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stopped: boolean }>;
  stop(): Promise<void>;
}

/**
 * Runs a command to its end without blocking the event loop (a restart of the database happens
 * while the API serves): its output, exit status, or the spawn error (e.g. not installed).
 */
function runCommand(
  command: string,
  args: string[],
  cwd?: string,
): Promise<{ error?: Error; status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => resolve({ error, status: null, stdout, stderr }));
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function javaMajorVersion(): Promise<number> {
  const probe = await runCommand('java', ['-version']);
  if (probe.error) {
    throw new LocalNeo4jError(
      `Java ${MIN_JAVA} or newer is needed to run the local Neo4j, but "java" was not found: install a JDK (e.g. apt-get install openjdk-17-jdk-headless) or set NEO4J_URI to a running Neo4j.`,
    );
  }
  return parseJavaMajor(`${probe.stderr}${probe.stdout}`);
}

/** The major version in `java -version`'s output ("1.8.0" is 8); MIN_JAVA when it says none. */
export function parseJavaMajor(output: string): number {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return MIN_JAVA;
  return Number(match[1]) === 1 ? Number(match[2]) : Number(match[1]);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function launcherIsBuilt(): boolean {
  if (!fs.existsSync(CLASSPATH_FILE) || !fs.existsSync(CLASS_FILE)) return false;
  const built = Math.min(fs.statSync(CLASSPATH_FILE).mtimeMs, fs.statSync(CLASS_FILE).mtimeMs);
  const sources = Math.max(
    fs.statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs,
    newestMtime(path.join(LAUNCHER_DIR, 'src')),
  );
  return built >= sources;
}

/**
 * Checks Java and builds the launcher when needed (Maven resolves Neo4j into ~/.m2 the first
 * time). Returns a java @argfile holding the class path, which keeps the 200-jar class path
 * off the command line (and out of `ps`).
 */
export async function ensureLauncherBuilt(
  log: (m: string) => void = () => undefined,
): Promise<string> {
  const major = await javaMajorVersion();
  if (major < MIN_JAVA) {
    throw new LocalNeo4jError(
      `Java ${MIN_JAVA} or newer is needed to run the local Neo4j, but "java" is version ${major}: install a newer JDK or set NEO4J_URI to a running Neo4j.`,
    );
  }
  if (!launcherIsBuilt()) {
    log('building docker/neo4j-local with Maven (the first run downloads Neo4j into ~/.m2)');
    const build = await runCommand('mvn', ['-B', '-q', 'compile'], LAUNCHER_DIR);
    if (build.error) {
      throw new LocalNeo4jError(
        'Maven ("mvn") is needed once to fetch Neo4j for the local database, but it was not found: install Maven 3.8+ (e.g. apt-get install maven) or set NEO4J_URI to a running Neo4j.',
      );
    }
    if (build.status !== 0) {
      const detail = `${build.stdout}\n${build.stderr}`
        .split('\n')
        .filter((l) => /ERROR/.test(l))
        .slice(0, 3)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      throw new LocalNeo4jError(
        `Maven could not build docker/neo4j-local (exit ${build.status}): ${detail || 'see "mvn -B compile" in that folder'}.`,
      );
    }
  }
  const classpath = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim();
  const argfile = path.join(LAUNCHER_DIR, 'target', 'java-classpath.args');
  const full = [path.join(LAUNCHER_DIR, 'target', 'classes'), classpath].join(path.delimiter);
  fs.writeFileSync(argfile, `-cp\n"${full.replace(/\\/g, '\\\\')}"\n`);
  return argfile;
}

/** True when nothing listens on host:port (so a server of ours can bind it). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the operating system considers free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The Bolt port is in use (a command-line tool then says what to set to use what runs there). */
export class BoltPortTakenError extends LocalNeo4jError {
  override name = 'BoltPortTakenError';
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is already in use, so the local Neo4j cannot listen there: stop what uses it or set NEO4J_LOCAL_BOLT_PORT to a free port.`,
    );
  }
}

/** The one sentence for a Bolt port in use, found early or when Neo4j binds it. */
function boltPortTaken(port: number): LocalNeo4jError {
  return new BoltPortTakenError(port);
}

/**
 * How to reach a running local Neo4j, written by the launcher that started it into its data
 * directory (mode 600: it holds the password) and removed when that Neo4j exits. Command-line
 * tools run next to `npm start` read it instead of starting a second Neo4j on the same data.
 */
export interface LocalConnection {
  uri: string;
  user: string;
  password: string;
  /** The JVM's pid: a file whose process is gone is stale. */
  pid: number;
  /** The process that started it (the API, `npm run neo4j:local`, the test harness). */
  ownerPid: number;
  version: string;
}

export function connectionFile(dataDir: string): string {
  return path.join(dataDir, 'connection.json');
}

function writeConnectionFile(dataDir: string, connection: LocalConnection): void {
  const file = connectionFile(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  // Created with mode 600 and renamed into place, so the password is never readable by others.
  fs.writeFileSync(temporary, `${JSON.stringify(connection, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
}

function readConnectionFile(dataDir: string): LocalConnection | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(connectionFile(dataDir), 'utf8')) as Partial<
      Record<keyof LocalConnection, unknown>
    >;
    if (
      typeof value.uri === 'string' &&
      typeof value.user === 'string' &&
      typeof value.password === 'string' &&
      Number.isInteger(value.pid) &&
      Number.isInteger(value.ownerPid)
    )
      return value as LocalConnection;
  } catch {
    // Absent or unreadable: nothing runs that we can use.
  }
  return undefined;
}

/** Removes the connection file when it still describes the JVM `pid` (a restart wrote anew). */
function removeConnectionFile(dataDir: string, pid?: number): void {
  const current = readConnectionFile(dataDir);
  if (pid === undefined || current === undefined || current.pid === pid)
    fs.rmSync(connectionFile(dataDir), { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portAnswers(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The local Neo4j running on `dataDir`, from its connection file, when its JVM lives and its
 * Bolt port answers. A file whose JVM is gone (killed with its owner) is stale and removed.
 */
export async function findRunningLocalNeo4j(dataDir: string): Promise<LocalConnection | undefined> {
  const connection = readConnectionFile(dataDir);
  if (connection === undefined) return undefined;
  if (!processAlive(connection.pid)) {
    removeConnectionFile(dataDir, connection.pid);
    return undefined;
  }
  const url = new URL(connection.uri);
  return (await portAnswers(url.hostname, Number(url.port || 7687))) ? connection : undefined;
}

/**
 * Another local Neo4j holds the data directory (a second `npm start` on the same data): one
 * sentence naming it, from its connection file when that is there, and what to do instead.
 */
export class DataDirInUseError extends LocalNeo4jError {
  override name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly running?: LocalConnection,
  ) {
    super(
      running
        ? `A local Neo4j already runs with data in ${dataDir} (pid ${running.pid}, ${running.uri}, started by pid ${running.ownerPid}): stop it, set NEO4J_LOCAL_DATA_DIR to another directory, or use it through NEO4J_URI=${running.uri} with its NEO4J_PASSWORD.`
        : `Another process holds the store lock of the local Neo4j data in ${dataDir} (a local Neo4j starting or running on it): stop it, or set NEO4J_LOCAL_DATA_DIR to another directory.`,
    );
  }
}

/** The live local Neo4j the connection file of `dataDir` names, answering or not (yet). */
function liveConnection(dataDir: string): LocalConnection | undefined {
  const connection = readConnectionFile(dataDir);
  return connection && processAlive(connection.pid) ? connection : undefined;
}

/** Starts the local Neo4j and resolves once Bolt accepts connections. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => undefined);
  // Before the build and the JVM: a second start on the same data would only meet its lock.
  const running = liveConnection(options.dataDir);
  if (running) throw new DataDirInUseError(options.dataDir, running);
  const argfile = await ensureLauncherBuilt(log);
  if (!(await portIsFree(options.boltPort))) {
    throw boltPortTaken(options.boltPort);
  }
  fs.mkdirSync(options.dataDir, { recursive: true });

  // Another process took the port between the check above and Neo4j's bind.
  // Or another local Neo4j started on the same data since the check (its store lock).
  const knownFailure = (detail: string): LocalNeo4jError | undefined =>
    /store_lock|locked by another process/i.test(detail)
      ? new DataDirInUseError(options.dataDir, liveConnection(options.dataDir))
      : /already in use|BindException/i.test(detail)
        ? boltPortTaken(options.boltPort)
        : undefined;
  const started = Date.now();
  const child: ChildProcessWithoutNullStreams = spawn(
    'java',
    [
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      `@${argfile}`,
      MAIN_CLASS,
      `--port=${options.boltPort}`,
      `--data-dir=${options.dataDir}`,
      `--pagecache=${options.pageCache}`,
      `--parent-pid=${process.pid}`,
    ],
    // Its own process group: a terminal's Ctrl-C signals the whole foreground group, and the
    // database must outlive the API's drain of requests in flight; the API stops it after.
    // The launcher watches --parent-pid, so it still ends if the API is killed outright.
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  // The password travels on stdin, never on the command line.
  child.stdin.write(`${options.password}\n`);

  const stderrTail: string[] = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderrTail.push(...chunk.split('\n').filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const exited = ended.then(({ code }) => code);
  const lines = readline.createInterface({ input: child.stdout });

  const ready = await new Promise<{ uri: string; version: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new LocalNeo4jError(
          `The local Neo4j did not answer on port ${options.boltPort} within ${Math.round((options.startTimeoutMs ?? 180_000) / 1000)} s; its logs are in ${path.join(options.dataDir, 'logs')}.`,
        ),
      );
    }, options.startTimeoutMs ?? 180_000);
    lines.on('line', (line) => {
      const ok = /^NEO4J_LOCAL_READY (\S+) version=(\S+)/.exec(line);
      const failed = /^NEO4J_LOCAL_FAILED (.*)$/.exec(line);
      if (ok) {
        clearTimeout(timer);
        resolve({ uri: ok[1]!, version: ok[2]! });
      } else if (failed) {
        clearTimeout(timer);
        reject(
          knownFailure(failed[1]!) ??
            new LocalNeo4jError(
              `The local Neo4j could not start: ${failed[1]}.`.replace(/\.\.$/, '.'),
            ),
        );
      } else if (line.trim()) {
        log(line);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const detail = stderrTail.slice(-3).join(' ').trim();
      reject(
        knownFailure(stderrTail.join(' ')) ??
          new LocalNeo4jError(
            `The local Neo4j exited (code ${code}) before it was ready${detail ? `: ${detail}` : ''}.`,
          ),
      );
    });
  });

  const pid = child.pid ?? -1;
  writeConnectionFile(options.dataDir, {
    ...ready,
    user: 'neo4j',
    password: options.password,
    pid,
    ownerPid: process.pid,
  });
  void ended.then(() => removeConnectionFile(options.dataDir, pid));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end('stop\n');
      const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(kill);
      removeConnectionFile(options.dataDir, pid);
    })();
    return stopping;
  };
  return {
    ...ready,
    pid,
    startMs: Date.now() - started,
    exited: ended.then((end) => ({ ...end, stopped: stopping !== undefined })),
    stop,
  };
}
