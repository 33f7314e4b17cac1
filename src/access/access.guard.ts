import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { OPEN_DURING_PASSWORD_CHANGE } from '../auth/password-change';
import { OPEN_DURING_SECOND_FACTOR } from '../auth/second-factor-gate';
import { DomainError } from '../common/errors/domain-error';
import { Actor } from './actor';
import { IS_PUBLIC, REQUIRED_PERMISSION } from './decorators';
import { hasPermission, Permission } from './permissions';

/**
 * The global guard: default deny. `@Public()` routes pass; every other route must name
 * its permission with `@Allow(...)`, needs a valid bearer token (401 otherwise) and a
 * role granting that permission (403 otherwise). A session still waiting for its second factor
 * gets 403 second_factor_required everywhere but the routes marked @OpenDuringSecondFactor(); a user whose password an admin reset gets 403
 * password_change_required everywhere but the few routes marked @OpenDuringPasswordChange().
 * Case-level rules come after, in CaseAccessService.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    await super.canActivate(context);
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    if (actor.secondFactorPending && !this.reflector.getAllAndOverride<boolean>(OPEN_DURING_SECOND_FACTOR, targets)) {
      throw new DomainError('forbidden', 'second_factor_required', 'Give the code from your authenticator app first (POST /auth/second-factor/verify).');
    }
    if (actor.passwordChangeRequired && !this.reflector.getAllAndOverride<boolean>(OPEN_DURING_PASSWORD_CHANGE, targets)) {
      throw new DomainError('forbidden', 'password_change_required', 'Your password was reset: choose a new one with POST /auth/password first.');
    }
    if (!permission) throw DomainError.forbidden('This route declares no permission and is closed.');
    if (!hasPermission(actor.roles, permission)) throw DomainError.forbidden();
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    // An error here is the database failing while loading the caller (token problems arrive
    // as "no user"): a good token must not be told to sign in again. The filter answers 503.
    if (error) throw error;
    if (!user) throw DomainError.unauthorized('A valid bearer token is required.');
    return user;
  }
}
