import type { Language } from '@kehittamo/shared/domain';
import { en } from './dictionary.en';
import { fi, type Dictionary } from './dictionary.fi';
import { sv } from './dictionary.sv';

/**
 * Every dictionary at once, for tests only: the app loads Swedish and English lazily
 * (dictionaries.ts), and importing this file from app code would put them in the first download.
 */
export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { fi, sv, en };
