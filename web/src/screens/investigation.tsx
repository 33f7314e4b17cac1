import type { Screen } from './screen';

/** The investigation screens (see screen.ts). */
export const INVESTIGATION_SCREENS: Screen[] = [];
