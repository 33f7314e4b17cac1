import type { Screen } from './screen';

/** The reports screens (see screen.ts). */
export const REPORTS_SCREENS: Screen[] = [];
