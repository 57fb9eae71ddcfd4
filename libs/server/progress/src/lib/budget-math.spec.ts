import { budgetFigures, budgetMonths, monthsBetween, sumFigures } from './budget-math';

const PROJECT = { startsOn: '2024-08-01', endsOn: '2026-12-31' };

describe('budget arithmetic', () => {
  it('counts the project months (1.8.2024–31.12.2026 is 29 months)', () => {
    expect(monthsBetween('2024-08', '2026-12')).toHaveLength(29);
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('gives remaining, used %, burn rate and forecast from the costs so far', () => {
    const plan = { netCosts: 439_685, ownShare: 87_937, euShare: 351_748 };
    const costs = [
      { period: '2024-08', category: 'personnel' as const, amount: 10_000 },
      { period: '2024-09', category: 'personnel' as const, amount: 12_000.5 },
      { period: '2024-09', category: 'travel' as const, amount: 499.5 },
    ];
    // Today in October 2024: three months elapsed (Aug, Sep, Oct), 26 left.
    const f = budgetFigures(plan, costs, PROJECT, '2024-10-15');
    expect(f.actual).toBe(22_500);
    expect(f.remaining).toBe(417_185);
    expect(f.usedPercent).toBe(5.1);
    expect(f.monthlyBurn).toBe(7_500);
    expect(f.forecast).toBe(22_500 + 7_500 * 26);
    expect(f.byCategory).toMatchObject({ personnel: 22_000.5, travel: 499.5, services: 0 });
  });

  it('adds the organisations up to the seed totals (20 % own, 80 % EU)', () => {
    const seed = [
      { netCosts: 439_685, ownShare: 87_937, euShare: 351_748 },
      { netCosts: 575_639, ownShare: 115_128, euShare: 460_511 },
      { netCosts: 596_181, ownShare: 119_236, euShare: 476_945 },
      { netCosts: 636_847, ownShare: 127_370, euShare: 509_477 },
    ];
    const total = sumFigures(seed.map((plan) => budgetFigures(plan, [], PROJECT, '2025-01-01')));
    expect(total).toMatchObject({ netCosts: 2_248_352, ownShare: 449_671, euShare: 1_798_681, actual: 0, remaining: 2_248_352 });
  });

  it('lists cumulative actual against an even plan up to this month', () => {
    const months = budgetMonths(2_900, [{ period: '2024-09', category: 'other', amount: 150 }], PROJECT, '2024-10-02');
    expect(months).toEqual([
      { period: '2024-08', actual: 0, cumulativeActual: 0, cumulativePlanned: 100 },
      { period: '2024-09', actual: 150, cumulativeActual: 150, cumulativePlanned: 200 },
      { period: '2024-10', actual: 0, cumulativeActual: 150, cumulativePlanned: 300 },
    ]);
  });
});
