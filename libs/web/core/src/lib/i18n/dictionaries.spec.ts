import {
  AUDIT_ACTIONS,
  COMMENT_OUTCOMES,
  COMMENT_REACTIONS,
  COST_CATEGORIES,
  EMAIL_FREQUENCIES,
  ERROR_CODES,
  INDICATOR_SOURCES,
  LANGUAGES,
  MATERIAL_KINDS,
  MATERIAL_LANGUAGES,
  MATERIAL_TYPES,
  NOTIFICATION_KINDS,
  ORGANISATION_KINDS,
  ORGANISATION_ROLES,
  REPORT_STATUSES,
  SENSITIVE_KINDS,
  SPACE_ACCESS_LEVELS,
  SPACE_KINDS,
  TASK_KINDS,
  TASK_STATUSES,
} from '@kehittamo/shared/domain';
import { DICTIONARIES, lookUp } from './dictionaries';
import type { Dictionary } from './dictionary.fi';

/** Every dotted key with its text, e.g. ['login.title', 'Kirjaudu sisään']. */
function entries(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) =>
    entries(child, prefix ? `${prefix}.${key}` : key),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('translation dictionaries', () => {
  const finnish = new Map(entries(DICTIONARIES.fi));

  it.each(LANGUAGES)('%s has exactly the Finnish keys', (language) => {
    const keys = entries(DICTIONARIES[language]).map(([key]) => key);
    expect(keys.sort()).toEqual([...finnish.keys()].sort());
  });

  it.each(LANGUAGES)('%s has no empty texts', (language) => {
    const empty = entries(DICTIONARIES[language]).filter(([, text]) => !text.trim());
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES)('%s uses the same {placeholders} as Finnish', (language) => {
    const mismatched = entries(DICTIONARIES[language])
      .filter(([key, text]) => placeholders(text).join() !== placeholders(finnish.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  const domainSections: [keyof Dictionary, readonly string[]][] = [
    ['errors', ERROR_CODES],
    ['roles', ORGANISATION_ROLES],
    ['access', SPACE_ACCESS_LEVELS],
    ['accessExplained', SPACE_ACCESS_LEVELS],
    ['organisationKinds', ORGANISATION_KINDS],
    ['spaceKinds', SPACE_KINDS],
    ['auditActions', AUDIT_ACTIONS],
    ['languages', LANGUAGES],
    ['sensitiveKinds', SENSITIVE_KINDS],
    ['notificationKinds', NOTIFICATION_KINDS],
    ['commentOutcomes', COMMENT_OUTCOMES],
    ['commentReactions', COMMENT_REACTIONS],
    ['emailFrequencies', EMAIL_FREQUENCIES],
    ['materialKinds', MATERIAL_KINDS],
    ['materialTypes', MATERIAL_TYPES],
    ['materialLanguages', MATERIAL_LANGUAGES],
    ['taskStatuses', TASK_STATUSES],
    ['taskKinds', TASK_KINDS],
    ['costCategories', COST_CATEGORIES],
    ['reportStatuses', REPORT_STATUSES],
    ['reportActions', ['created', 'edited', 'submitted', 'approved', 'returned']],
    ['indicatorSources', INDICATOR_SOURCES],
  ];

  it.each(LANGUAGES)('%s translates every error code, role, access level, audit action, comment, material and progress value', (language) => {
    for (const [section, values] of domainSections) {
      const translated = Object.keys(DICTIONARIES[language][section]).sort();
      expect({ section, keys: translated }).toEqual({ section, keys: [...values].sort() });
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(lookUp(DICTIONARIES.fi, 'nav.loggedInAs', { name: 'Kettu' })).toBe('Kirjautuneena: Kettu');
    expect(lookUp(DICTIONARIES.en, 'nav.loggedInAs')).toBe('Signed in: {name}');
  });
});
