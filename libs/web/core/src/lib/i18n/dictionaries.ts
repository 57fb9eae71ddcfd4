import type { Language } from '@kehittamo/shared/domain';
import { en } from './dictionary.en';
import { fi, type Dictionary } from './dictionary.fi';
import { sv } from './dictionary.sv';
import type { TranslationKey, TranslationParams } from './translation-key';

export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { fi, sv, en };

/** BCP 47 locales for dates and numbers; Swedish as written in Finland. */
export const LOCALES: Readonly<Record<Language, string>> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/**
 * Looks a dotted key up in one dictionary and fills `{name}` placeholders.
 * Returns the key itself if it is missing, so a gap is visible instead of blank.
 */
export function lookUp(dictionary: Dictionary, key: TranslationKey, params?: TranslationParams): string {
  let node: unknown = dictionary;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  if (!params) return node;
  return node.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
