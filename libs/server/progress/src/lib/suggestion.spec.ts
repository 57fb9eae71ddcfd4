import { suggestPercent } from './suggestion';

describe('suggestPercent', () => {
  it('gives nothing without evidence', () => {
    expect(suggestPercent({ done: 0, total: 0 }, [])).toBeNull();
  });

  it('uses the share of sub-tasks done', () => {
    expect(suggestPercent({ done: 3, total: 5 }, [])).toEqual({
      percent: 60,
      basis: { subtasksDone: 3, subtasks: 5, models: 0, modelPercent: null },
    });
  });

  it("uses linked models' completeness and phase, averaged", () => {
    // (9/9 filled + last phase) / 2 = 100; (3/9 + first phase) / 2 ≈ 17 → mean 58
    const s = suggestPercent({ done: 0, total: 0 }, [
      { filledShare: 1, phaseShare: 1 },
      { filledShare: 3 / 9, phaseShare: 0 },
    ]);
    expect(s).toEqual({ percent: 58, basis: { subtasksDone: 0, subtasks: 0, models: 2, modelPercent: 58 } });
  });

  it('weighs sub-tasks and models equally when both exist, and clamps odd values', () => {
    const s = suggestPercent({ done: 1, total: 4 }, [{ filledShare: 2, phaseShare: Number.NaN }]);
    // sub-tasks 25 %, model (1 + 0) / 2 = 50 % → 37.5 → 38
    expect(s?.percent).toBe(38);
    expect(s?.basis.modelPercent).toBe(50);
  });
});
