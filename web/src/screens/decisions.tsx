import type { Screen } from './screen';

/** The decisions screens (see screen.ts). */
export const DECISIONS_SCREENS: Screen[] = [];
