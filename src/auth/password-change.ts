import { SetMetadata } from '@nestjs/common';

export const OPEN_DURING_PASSWORD_CHANGE = 'auth:open-during-password-change';

/**
 * The routes a user whose password was reset may still call (api.md: POST /auth/password,
 * GET /auth/me, POST /auth/logout; and the second factor's, which comes first where a school asks
 * for one: process.md §7). Every other route answers 403 password_change_required
 * until they have chosen a new password (src/access/access.guard.ts).
 */
export const OpenDuringPasswordChange = () => SetMetadata(OPEN_DURING_PASSWORD_CHANGE, true);
