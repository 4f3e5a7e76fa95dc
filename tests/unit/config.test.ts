import { parseApiKeyArgs } from '../../src/cli/apikey';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('gives defaults for an empty environment and freezes the result', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.user).toBe('neo4j');
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.local.boltPort).toBe(7687);
    expect(config.seedOnStart).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.neo4j)).toBe(true);
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      NEO4J_URI: 'neo4j+s://db.example.org:7687',
      NEO4J_USER: 'api',
      NEO4J_PASSWORD: 'secret-password',
      NEO4J_DATABASE: 'clusters',
      NEO4J_LOCAL_BOLT_PORT: '17687',
      NEO4J_LOCAL_DATA_DIR: '/tmp/cg-data',
      NEO4J_LOCAL_HEAP: '2G',
      NEO4J_LOCAL_PAGECACHE: '512m',
      SEED_ON_START: 'false',
      SHUTDOWN_GRACE_SECONDS: '3',
      ANALYTICS_REFRESH_SECONDS: '0',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      nodeEnv: 'production',
      logLevel: 'warn',
      neo4j: {
        uri: 'neo4j+s://db.example.org:7687',
        user: 'api',
        password: 'secret-password',
        database: 'clusters',
      },
      local: { boltPort: 17687, dataDir: '/tmp/cg-data', heap: '2g', pageCache: '512m' },
      seedOnStart: false,
      shutdownGraceSeconds: 3,
      analyticsRefreshSeconds: 0,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535, got "abc".'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, got "70000".'],
    [
      { CORS_ORIGINS: 'https://app.example.org,javascript:alert(1)' },
      'CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.org',
    ],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, 'RATE_LIMIT_PER_MINUTE must be a whole number'],
    [{ GRAPHQL_INTROSPECTION: 'maybe' }, 'GRAPHQL_INTROSPECTION must be true or false'],
    [{ GRAPHIQL: 'sometimes' }, 'GRAPHIQL must be true or false, got "sometimes".'],
    [
      { ANALYTICS_REFRESH_SECONDS: '-5' },
      'ANALYTICS_REFRESH_SECONDS must be a whole number from 0 to 86400, got "-5".',
    ],
    [
      { NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' },
      'NEO4J_URI must be a Neo4j URI with scheme',
    ],
    [
      { NEO4J_URI: 'not a uri', NEO4J_PASSWORD: 'x' },
      'NEO4J_URI must be a Neo4j URI such as bolt://localhost:7687',
    ],
    [{ NEO4J_URI: 'bolt://localhost:7687' }, 'NEO4J_PASSWORD must be set when NEO4J_URI is set.'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test'],
    [{ SEED_ON_START: 'maybe' }, 'SEED_ON_START must be true or false'],
    [{ NEO4J_LOCAL_HEAP: 'lots' }, 'NEO4J_LOCAL_HEAP must be a size such as 512m or 1g'],
    [{ NEO4J_PASSWORD: 'short' }, 'NEO4J_PASSWORD must be at least 8 characters'],
    [{ NEO4J_DATABASE: 'x; DROP' }, 'NEO4J_DATABASE must be a Neo4j database name'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY must be true, false, a number of proxies'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY must be true, false, a number of proxies'],
    [{ TRUST_PROXY: '-1' }, 'TRUST_PROXY must be true, false, a number of proxies'],
    [{ METRICS_PUBLIC: 'perhaps' }, 'METRICS_PUBLIC must be true or false'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN must be at least 32 characters'],
    [{ NEO4J_LOCAL_RESTARTS: '-1' }, 'NEO4J_LOCAL_RESTARTS must be a whole number from 0 to 100'],
  ])('rejects %j with one sentence naming the variable', (env, expected) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message.startsWith(expected)).toBe(true);
    expect(message.trim().split('\n')).toHaveLength(1);
    expect(message.endsWith('.')).toBe(true);
  });

  it('never echoes a rejected password', () => {
    expect(() => loadConfig({ NEO4J_PASSWORD: 'abc' })).toThrow(/"\*\*\*"/);
  });
});

describe('GraphiQL', () => {
  it('is served like introspection by default: on in development, off in production', () => {
    expect(loadConfig({}).graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'on' }).graphiql).toBe(true);
  });

  it('follows GRAPHIQL when it is set, whatever the environment', () => {
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true' }).graphiql).toBe(true);
    expect(loadConfig({ GRAPHIQL: 'off' }).graphiql).toBe(false);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false', GRAPHIQL: 'yes' }).graphiql).toBe(true);
  });
});

describe('trusted documents', () => {
  it('runs only the manifest by default once one is given, and any operation without one', () => {
    expect(loadConfig({}).trustedDocuments).toEqual({ file: undefined, only: false });
    expect(loadConfig({ TRUSTED_DOCUMENTS: 'ops.json' }).trustedDocuments).toEqual({
      file: 'ops.json',
      only: true,
    });
    expect(
      loadConfig({ TRUSTED_DOCUMENTS: 'ops.json', TRUSTED_DOCUMENTS_ONLY: 'false' })
        .trustedDocuments,
    ).toEqual({ file: 'ops.json', only: false });
  });

  it('refuses TRUSTED_DOCUMENTS_ONLY without a manifest: it would start open', () => {
    expect(() => loadConfig({ TRUSTED_DOCUMENTS_ONLY: 'true' })).toThrow(
      'TRUSTED_DOCUMENTS must be set to the manifest of registered operations when TRUSTED_DOCUMENTS_ONLY is true.',
    );
    expect(() => loadConfig({ TRUSTED_DOCUMENTS_ONLY: 'true', TRUSTED_DOCUMENTS: ' ' })).toThrow(
      /^TRUSTED_DOCUMENTS must be set/,
    );
  });
});

describe('credentials configuration', () => {
  it('reads the JWT settings and anonymous reads', () => {
    const config = loadConfig({
      JWT_SECRET: 'x'.repeat(32),
      JWT_ISSUER: 'https://issuer.example.org',
      JWT_AUDIENCE: 'cluster-graph',
      ALLOW_ANONYMOUS_READS: 'false',
    });
    expect(config.jwt).toEqual({
      secret: 'x'.repeat(32),
      jwksUrl: undefined,
      issuer: 'https://issuer.example.org',
      audience: 'cluster-graph',
      maxLifetimeSeconds: 86_400,
    });
    expect(config.anonymousReads).toBe(false);
    expect(loadConfig({ JWT_MAX_LIFETIME_SECONDS: '3600' }).jwt.maxLifetimeSeconds).toBe(3600);
  });

  it('refuses an HS256 secret shorter than 32 bytes at start, in one sentence, without echoing it', () => {
    const env = { JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' };
    expect(() => loadConfig({ ...env, JWT_SECRET: 's'.repeat(31) })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, JWT_SECRET: 's'.repeat(31) })).not.toThrow(/s{31}/);
    expect(loadConfig({ ...env, JWT_SECRET: 's'.repeat(32) }).jwt.secret).toBe('s'.repeat(32));
  });
});

describe('operational settings', () => {
  it('keeps /metrics private and ignores proxies unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.metrics).toEqual({ public: false, token: undefined });
    expect(config.trustProxy).toBe(false);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8 ,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
    [
      '192.168.0.1/255.255.255.0,uniquelocal,linklocal',
      ['192.168.0.1/255.255.255.0', 'uniquelocal', 'linklocal'],
    ],
  ])('reads TRUST_PROXY=%s as express does', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it('reads the metrics settings', () => {
    const token = 't'.repeat(32);
    expect(loadConfig({ METRICS_PUBLIC: 'true', METRICS_TOKEN: token }).metrics).toEqual({
      public: true,
      token,
    });
  });

  it.each([
    [
      { JWT_SECRET: 'short', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' },
      'JWT_SECRET must be at least 32 bytes',
    ],
    [
      { JWT_SECRET: 'x'.repeat(31), JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' },
      'JWT_SECRET must be at least 32 bytes',
    ],
    [
      { JWT_MAX_LIFETIME_SECONDS: '0' },
      'JWT_MAX_LIFETIME_SECONDS must be a whole number from 60 to 2592000',
    ],
    [
      { JWT_SECRET: 'x'.repeat(32) },
      'JWT_ISSUER must be set when JWT_SECRET or JWT_JWKS_URL is set',
    ],
    [
      {
        JWT_SECRET: 'x'.repeat(32),
        JWT_JWKS_URL: 'https://id.example.org/jwks',
        JWT_ISSUER: 'i',
        JWT_AUDIENCE: 'a',
      },
      'JWT_JWKS_URL must be unset when JWT_SECRET is set',
    ],
  ])('rejects %j', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(expected);
  });
});

describe('npm run apikey arguments', () => {
  it('parses create, list and revoke, and refuses the rest with the usage', () => {
    expect(parseApiKeyArgs(['create', '--name', 'partner-x', '--role', 'editor'])).toEqual({
      command: 'create',
      name: 'partner-x',
      role: 'editor',
    });
    expect(parseApiKeyArgs(['list'])).toEqual({ command: 'list' });
    expect(parseApiKeyArgs(['revoke', '--id', 'abc'])).toEqual({ command: 'revoke', id: 'abc' });
    expect(() => parseApiKeyArgs(['create', '--name', 'x', '--role', 'root'])).toThrow(
      '--role must be one of reader, editor, admin',
    );
    expect(() => parseApiKeyArgs(['create', '--name', 'bad name', '--role', 'reader'])).toThrow(
      '--name must be',
    );
    expect(() => parseApiKeyArgs(['drop'])).toThrow('usage: npm run apikey');
  });
});
