/**
 * No Docker engine runs on our machines, so the Docker path is checked by reading its files:
 * the compose services, images, ports, healthchecks and start order, and the Dockerfile's shape.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[]; interval: string; retries: number };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync(path.join(ROOT, 'docker', 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  it('has exactly the neo4j and api services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'neo4j']);
  });

  it('runs the official Neo4j 5.26 Community image with auth from .env and a named volume', () => {
    const neo4j = compose.services.neo4j!;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.environment?.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD/);
    expect(neo4j.ports).toEqual(expect.arrayContaining([expect.stringMatching(/:7687$/)]));
    const [volume] = neo4j.volumes ?? [];
    expect(volume).toBe('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
  });

  it('gives both services a healthcheck', () => {
    expect(compose.services.neo4j!.healthcheck?.test.join(' ')).toMatch(/cypher-shell .*RETURN 1/);
    expect(compose.services.api!.healthcheck?.test.join(' ')).toMatch(/\/health\/ready/);
  });

  it('builds the API from docker/Dockerfile and starts it once Neo4j is healthy', () => {
    const api = compose.services.api!;
    expect(api.build).toEqual({ context: '.', dockerfile: 'docker/Dockerfile' });
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(api.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(api.environment?.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD/);
    expect(api.ports).toEqual([expect.stringMatching(/:4000$/)]);
  });
});

describe('docker/Dockerfile', () => {
  const instructions = dockerfile
    .split('\n')
    .filter((line) => /^[A-Z]+\s/.test(line))
    .map((line) => line.split(/\s+/)[0]);

  it('is multi-stage on Node 24, the active LTS, which package.json engines admit', () => {
    const majors = [...dockerfile.matchAll(/^FROM node:(\d+)-bookworm-slim AS \w+$/gm)].map((m) =>
      Number(m[1]),
    );
    expect(majors.length).toBeGreaterThanOrEqual(2);
    // Node 24 "Krypton" is the active LTS (October 2025 to October 2026, maintained to April
    // 2028); Node 20 reached its end of life in April 2026.
    expect(new Set(majors)).toEqual(new Set([24]));
    const engines = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        engines: { node: string };
      }
    ).engines.node;
    const minimum = /^>=(\d+)\.(\d+)\.\d+$/.exec(engines);
    expect(minimum).not.toBeNull();
    expect(Number(minimum![1])).toBeLessThanOrEqual(24);
    // @apollo/server's @whatwg-node/promise-helpers states node >=22.15.0.
    expect(Number(minimum![1]) * 100 + Number(minimum![2])).toBeGreaterThanOrEqual(2215);
  });

  it('copies what `npm run build` reads before running it: the sources and README.md', () => {
    const lines = dockerfile.split('\n');
    const build = lines.findIndex((line) => /^RUN npm run build\b/.test(line));
    expect(build).toBeGreaterThan(0);
    const copied = lines
      .slice(0, build)
      .filter((line) => /^COPY /.test(line))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    // tsc's configs and sources, and the README whose examples become GraphiQL's tabs.
    for (const file of ['tsconfig.json', 'tsconfig.build.json', 'src', 'README.md'])
      expect(copied).toContain(file);
  });

  it('runs as a non-root user with a healthcheck, starting node directly', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(instructions.lastIndexOf('USER')).toBeGreaterThan(instructions.lastIndexOf('FROM'));
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/health\/ready/m);
    // The same command as `npm start`, heap cap included.
    const start = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        scripts: { start: string };
      }
    ).scripts.start;
    // `exec` is for npm's shell (no shell between npm and node); the image starts node itself.
    const command = start.replace(/^exec /, '').split(' ');
    expect(dockerfile).toContain(`CMD ${JSON.stringify(command)}`.replace(/","/g, '", "'));
  });
});

describe('.env.example', () => {
  it('lists every variable src/config.ts reads for the API', () => {
    const config = readFileSync(path.join(ROOT, 'src', 'config.ts'), 'utf8');
    const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const read = [...config.matchAll(/\(env, '([A-Z0-9_]+)'/g)]
      .map((m) => m[1]!)
      .filter((v) => !v.startsWith('NEO4J_TEST_'));
    expect(read.length).toBeGreaterThan(10);
    for (const variable of read) expect(example).toMatch(new RegExp(`^#? ?${variable}=`, 'm'));
  });
});
