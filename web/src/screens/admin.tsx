import type { Screen } from './screen';

/** The admin screens (see screen.ts). */
export const ADMIN_SCREENS: Screen[] = [];
