import { SetMetadata } from '@nestjs/common';
import { Permission } from './permissions';

export const IS_PUBLIC = 'access:public';
export const REQUIRED_PERMISSION = 'access:permission';

/** The few routes anyone may call (login, health, docs). Everything else is denied by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The permission (see permissions.ts) a route requires. A route without one is refused. */
export const Allow = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);
