import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Role } from './roles';

/** The authenticated caller, loaded fresh from the database on every request. */
export interface Actor {
  userId: string;
  organisationId: string;
  email: string;
  name: string;
  roles: Role[];
  /** Staff-directory entries linked to this login: how conflicts of interest are found. */
  staffIds: string[];
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
