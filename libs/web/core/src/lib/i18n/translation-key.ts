import type { Dictionary } from './dictionary.fi';

/** Dotted paths to every string of a nested dictionary, e.g. `'login.title'`. */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every translatable key. Templates get a compile error for a key that does not exist. */
export type TranslationKey = LeafPaths<Dictionary>;

/** Values for `{name}` placeholders. */
export type TranslationParams = Readonly<Record<string, string | number>>;

/** Dictionary sections that translate a domain value (a role, an access level …) by its id. */
export type LabelGroup =
  | 'languages'
  | 'roles'
  | 'access'
  | 'accessExplained'
  | 'organisationKinds'
  | 'spaceKinds'
  | 'auditActions'
  | 'errors'
  | 'sensitiveKinds'
  | 'notificationKinds'
  | 'commentOutcomes'
  | 'commentReactions'
  | 'emailFrequencies'
  | 'materialKinds'
  | 'materialTypes'
  | 'materialLanguages'
  | 'taskStatuses'
  | 'taskKinds'
  | 'costCategories'
  | 'reportStatuses'
  | 'reportActions'
  | 'indicatorSources';

/** A function that turns a key into text in the current language. */
export type Translate = (key: TranslationKey, params?: TranslationParams) => string;
