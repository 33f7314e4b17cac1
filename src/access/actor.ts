import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { SignInMethod } from '../auth/session.entity';
import { Role } from './roles';

/** The session a request's access token belongs to (docs/sessions.md). */
export interface ActorSession {
  id: string;
  /** how the person signed in */
  signInMethod: SignInMethod;
  /** `iat` of the access token of this request, in seconds */
  tokenIssuedAt: number;
  /** the provider's issuer, for a single sign-on session */
  ssoIssuer?: string | null;
}

/** The authenticated caller, loaded fresh from the database on every request. */
export interface Actor {
  userId: string;
  organisationId: string;
  email: string;
  name: string;
  roles: Role[];
  /** Staff-directory entries linked to this login: how conflicts of interest are found. */
  staffIds: string[];
  /** Present on every request made with an access token (absent only where an actor is made up, e.g. unit tests). */
  session?: ActorSession;
  /** An admin reset the password: until the user chooses one, every route but three answers 403 password_change_required. */
  passwordChangeRequired?: boolean;
  /** The session has not yet passed the second factor its roles need (process.md §7): every route but a few answers 403 second_factor_required. */
  secondFactorPending?: boolean;
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
