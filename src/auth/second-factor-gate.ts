import { SetMetadata } from '@nestjs/common';

export const OPEN_DURING_SECOND_FACTOR = 'auth:open-during-second-factor';

/**
 * The routes a session still waiting for its second factor may call (process.md §7): the second
 * factor's own, GET /auth/me and POST /auth/logout. Every other route answers 403
 * second_factor_required until a code is given (src/access/access.guard.ts).
 */
export const OpenDuringSecondFactor = () => SetMetadata(OPEN_DURING_SECOND_FACTOR, true);
