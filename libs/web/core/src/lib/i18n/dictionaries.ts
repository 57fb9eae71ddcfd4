import type { Language } from '@kehittamo/shared/domain';
import { fi, type Dictionary } from './dictionary.fi';
import type { TranslationKey, TranslationParams } from './translation-key';

/** Finnish, the default and the fallback, is in the first download. */
export const FINNISH: Dictionary = fi;

/**
 * Swedish and English are lazy chunks: most people use Finnish, and every string of every
 * language in the first download would cost each of them the other two.
 */
const LOADERS: Readonly<Record<Exclude<Language, 'fi'>, () => Promise<Dictionary>>> = {
  sv: () => import('./dictionary.sv').then((m) => m.sv),
  en: () => import('./dictionary.en').then((m) => m.en),
};

export function loadDictionary(language: Language): Promise<Dictionary> {
  return language === 'fi' ? Promise.resolve(fi) : LOADERS[language]();
}

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
