import type { PercentSuggestion } from '@kehittamo/shared/domain';

/** One linked model description, as evidence of progress. */
export interface ModelEvidence {
  /** Share of the Innokylä fields filled, 0–1. */
  filledShare: number;
  /** How far along the phase list its phase is, 0 (first) – 1 (last). */
  phaseShare: number;
}

/**
 * The suggested % complete of a task from its evidence: the share of its sub-tasks done, and the
 * mean of its linked model descriptions' completeness and phase. Each kind of evidence that
 * exists counts equally; without any evidence there is no suggestion (null), never a guess.
 */
export function suggestPercent(subtasks: { done: number; total: number }, models: ModelEvidence[]): PercentSuggestion | null {
  const parts: number[] = [];
  if (subtasks.total > 0) parts.push(subtasks.done / subtasks.total);
  let modelPercent: number | null = null;
  if (models.length > 0) {
    const share = models.reduce((sum, m) => sum + (clamp01(m.filledShare) + clamp01(m.phaseShare)) / 2, 0) / models.length;
    modelPercent = Math.round(share * 100);
    parts.push(share);
  }
  if (parts.length === 0) return null;
  return {
    percent: Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 100),
    basis: { subtasksDone: subtasks.done, subtasks: subtasks.total, models: models.length, modelPercent },
  };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
