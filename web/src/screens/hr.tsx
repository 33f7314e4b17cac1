import type { Screen } from './screen';

/** The hr screens (see screen.ts). */
export const HR_SCREENS: Screen[] = [];
