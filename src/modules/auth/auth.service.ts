/**
 * Credentials: `Authorization: Bearer <api key or JWT>` (the scheme in any case, 1+ spaces).
 * Every 401 carries a WWW-Authenticate challenge. API keys (cgk_...) are looked up by
 * hash on every request, one indexed read: no instance may keep serving a key that another
 * has revoked (a cache of any length would, and one keyed on the graph version would cost the
 * same round trip as the lookup). JWTs are verified with jose: algorithm pinned (HS256 with a
 * secret, or RS256/ES256 from a JWKS URL), issuer, audience, expiry and lifetime checked; the
 * role comes from the `role` claim. Bad credentials are refused, never downgraded to anonymous.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '../../shared/errors';
import { ANONYMOUS, ROLES, type Principal, type Role } from '../../shared/principal';
import { KEY_PREFIX, type ApiKeyRepository } from './api-key.repository';
import { textProblem } from '../../shared/text';

export interface JwtConfig {
  secret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
  /**
   * Tokens meant to live longer (exp - iat), or without iat, are refused; config.ts always sets
   * it (JWT_MAX_LIFETIME_SECONDS), the schema emitter, which verifies no token, leaves it out.
   */
  maxLifetimeSeconds?: number;
}

/** An auth-scheme (RFC 9110 token) at the start of the header, and what follows it. */
const SCHEME = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(.*)$/s;
/** RFC 6750 §2.1 b64token: API keys (cgk_ + base64url) and JWTs (base64url and dots) are. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * An Authorization header read as RFC 9110 §11.6.2 and RFC 6750 §2.1 write it: the scheme
 * Bearer in any case, one or more spaces, the credentials. `none`: no header; `other`: another
 * scheme (Basic ...) or no scheme at all (a bare key); `malformed`: Bearer without credentials
 * or not separated by spaces.
 */
export function readAuthorization(
  header: string | readonly string[] | undefined,
):
  | { kind: 'none' | 'other' }
  | { kind: 'malformed' }
  | { kind: 'duplicate'; count: number }
  | { kind: 'bearer'; credentials: string } {
  if (Array.isArray(header) && header.length > 1)
    return { kind: 'duplicate', count: header.length };
  const text = (Array.isArray(header) ? header[0] : (header as string | undefined))?.trim() ?? '';
  if (text === '') return { kind: 'none' };
  const [, scheme, rest] = SCHEME.exec(text) ?? [];
  if (scheme === undefined || scheme.toLowerCase() !== 'bearer') return { kind: 'other' };
  const credentials = /^ +(\S.*)$/s.exec(rest ?? '')?.[1];
  return credentials === undefined ? { kind: 'malformed' } : { kind: 'bearer', credentials };
}

/**
 * Every Authorization header of a request, from its raw headers: Node keeps only the first in
 * req.headers and drops the others, so a second, different credential went unseen. Several
 * are refused (readAuthorization: duplicate), wherever credentials are read.
 */
export function authorizationOf(req: {
  rawHeaders: readonly string[];
}): string | string[] | undefined {
  const values: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]!.toLowerCase() === 'authorization') values.push(req.rawHeaders[i + 1]!);
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

const HOW = 'send "Authorization: Bearer <API key or JWT>"';

export class AuthService {
  private readonly jwks: JWTVerifyGetKey | undefined;
  private readonly maxLifetime: number;

  constructor(
    private readonly apiKeys: ApiKeyRepository,
    private readonly jwt: JwtConfig,
  ) {
    this.jwks = jwt.jwksUrl ? createRemoteJWKSet(new URL(jwt.jwksUrl)) : undefined;
    this.maxLifetime = jwt.maxLifetimeSeconds ?? 3_600;
  }

  /** The principal behind an Authorization header (none: anonymous). */
  async authenticate(header: string | readonly string[] | undefined): Promise<Principal> {
    const read = readAuthorization(header);
    if (read.kind === 'none') return ANONYMOUS;
    if (read.kind === 'duplicate')
      throw new UnauthenticatedError(
        `Send one Authorization header: this request has ${read.count}.`,
        'invalid_request',
      );
    if (read.kind === 'other')
      throw new UnauthenticatedError(
        `The Authorization header must use the Bearer scheme: ${HOW}.`,
      );
    const token = read.kind === 'bearer' ? read.credentials : '';
    if (read.kind === 'malformed' || token.length > 4096 || !B64TOKEN.test(token))
      throw new UnauthenticatedError(
        `The Authorization header is malformed: ${HOW}, the scheme and the token separated by spaces, the token at most 4096 letters, digits or -._~+/ (then any = padding) and nothing after it.`,
        'invalid_request',
      );
    // Well-formed, but too short to be any key or JWT: a token that is not valid (RFC 6750).
    if (token.length < 10)
      throw new UnauthenticatedError(
        'This token is no API key or JWT (too short to be either).',
        'invalid_token',
      );
    return token.startsWith(KEY_PREFIX) ? this.apiKey(token) : this.token(token);
  }

  private async apiKey(key: string): Promise<Principal> {
    const found = await this.apiKeys.find(key);
    if (!found)
      throw new UnauthenticatedError('This API key is unknown or revoked.', 'invalid_token');
    return { id: `key:${found.name}`, role: found.role };
  }

  private async token(token: string): Promise<Principal> {
    if (!this.jwt.secret && !this.jwks)
      throw new UnauthenticatedError(
        'This API accepts API keys only (no JWT issuer is configured).',
        'invalid_token',
      );
    try {
      const options = {
        issuer: this.jwt.issuer,
        audience: this.jwt.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        // Also refuses an iat in the future.
        maxTokenAge: this.maxLifetime,
      };
      const { payload } = this.jwks
        ? await jwtVerify(token, this.jwks, { ...options, algorithms: ['RS256', 'ES256'] })
        : await jwtVerify(token, new TextEncoder().encode(this.jwt.secret), {
            ...options,
            algorithms: ['HS256'],
          });
      const max = this.maxLifetime;
      if (payload.exp! - payload.iat! > max)
        throw new UnauthenticatedError(
          `The token is meant to live ${payload.exp! - payload.iat!} s (exp - iat); this API accepts at most ${max} s (JWT_MAX_LIFETIME_SECONDS).`,
          'invalid_token',
        );
      const role = payload.role;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
        throw new UnauthenticatedError(
          `The token's role claim must be one of ${ROLES.join(', ')}.`,
          'invalid_token',
        );
      // The subject becomes the author of writes in the audit: the same text rule as names.
      const subjectProblem = textProblem(String(payload.sub), 'line');
      if (subjectProblem)
        throw new UnauthenticatedError(`The token's sub claim ${subjectProblem}.`, 'invalid_token');
      return { id: `jwt:${payload.sub}`, role: role as Role };
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      // A token that does not say how long it lives (or claims to be issued later, or longer
      // ago than the longest lifetime allowed) is refused as such.
      const claim =
        error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired
          ? error.claim
          : undefined;
      if (claim === 'iat' || (claim === 'exp' && error instanceof errors.JWTClaimValidationFailed))
        throw new UnauthenticatedError(
          `The token must carry iat (when it was issued, not in the future) and exp, at most ${this.maxLifetime} s apart (JWT_MAX_LIFETIME_SECONDS).`,
          'invalid_token',
        );
      throw new UnauthenticatedError(
        'The bearer token is not valid here (signature, algorithm, issuer, audience or expiry).',
        'invalid_token',
      );
    }
  }
}
