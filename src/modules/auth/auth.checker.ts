/**
 * type-graphql's authChecker: @Authorized('editor') lets editors and admins through. It answers
 * with our own errors: UNAUTHENTICATED when no credentials came, FORBIDDEN when the role is short.
 */
import type { AuthChecker } from 'type-graphql';
import type { Context } from '../request/context';
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors';
import { includes, type Role } from '../../shared/principal';

export const authChecker: AuthChecker<Context, Role> = ({ context, info }, roles) => {
  const held = context.principal.role;
  const what = `${info.parentType.name}.${info.fieldName}`;
  if (held === null)
    throw new UnauthenticatedError(
      `${what} needs credentials: send "Authorization: Bearer <API key or JWT>".`,
    );
  if (roles.length > 0 && !roles.some((needed) => includes(held, needed)))
    throw new ForbiddenError(
      `${what} needs the role ${roles.join(' or ')}; these credentials are ${held}.`,
    );
  return true;
};
