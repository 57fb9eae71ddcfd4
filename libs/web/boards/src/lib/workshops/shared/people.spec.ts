import { toLocalParts, fromLocalParts } from '../form/local-date-time';
import { agendaMinutes, groupByOrganisation } from './people';

describe('workshop helpers', () => {
  it('groups people by organisation, alphabetically, those without one last', () => {
    const groups = groupByOrganisation([
      { displayName: 'Ville', organisation: 'Kainuu' },
      { displayName: 'Kokemuskumppani Kuu', organisation: null },
      { displayName: 'Anna', organisation: 'ISO' },
      { displayName: 'Aino', organisation: 'Kainuu' },
    ]);
    expect(groups.map((group) => [group.organisation, group.people.map((person) => person.displayName)])).toEqual([
      ['ISO', ['Anna']],
      ['Kainuu', ['Aino', 'Ville']],
      [null, ['Kokemuskumppani Kuu']],
    ]);
  });

  it('adds up the agenda', () => {
    expect(agendaMinutes([{ minutes: 15 }, { minutes: 45 }, { minutes: Number.NaN }])).toBe(60);
  });

  it('turns date and time fields into an instant and back', () => {
    const iso = fromLocalParts('2026-03-12', '09:30');
    expect(iso).not.toBeNull();
    expect(toLocalParts(iso!)).toEqual({ date: '2026-03-12', time: '09:30' });
    expect(fromLocalParts('2026-02-31', '09:30')).toBeNull();
    expect(fromLocalParts('', '09:30')).toBeNull();
    expect(toLocalParts('not a date')).toEqual({ date: '', time: '' });
  });
});
