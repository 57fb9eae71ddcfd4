/** People grouped by organisation short name, groups in alphabetical order, people without one last. */
export interface OrganisationGroup<T> {
  organisation: string | null;
  people: T[];
}

export function groupByOrganisation<T extends { organisation: string | null; displayName: string }>(
  people: readonly T[],
  locale = 'fi',
): OrganisationGroup<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const person of people) {
    const list = groups.get(person.organisation) ?? [];
    list.push(person);
    groups.set(person.organisation, list);
  }
  const collator = new Intl.Collator(locale);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : collator.compare(a, b)))
    .map(([organisation, list]) => ({
      organisation,
      people: [...list].sort((a, b) => collator.compare(a.displayName, b.displayName)),
    }));
}

/** Total planned time of an agenda, in minutes. */
export function agendaMinutes(agenda: readonly { minutes: number }[]): number {
  return agenda.reduce((sum, item) => sum + (Number.isFinite(item.minutes) ? item.minutes : 0), 0);
}
