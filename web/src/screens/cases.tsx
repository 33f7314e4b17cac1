import type { Screen } from './screen';

/** The cases screens (see screen.ts). */
export const CASES_SCREENS: Screen[] = [];
