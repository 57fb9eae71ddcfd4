import type { FieldCompleteness, ModelCompletenessField, ModelFactKey, ModelVersionKind } from '@kehittamo/shared/domain';
import type { TranslationKey } from '@kehittamo/web/core';

/** Every Innokylä field a page names: the completeness fields and the basic facts. */
export type ModelFieldName = ModelCompletenessField | ModelFactKey;

/** Compile-checked translation keys (a dynamic `'modelFields.' + key` would not be). */
export const FIELD_LABEL: Record<ModelFieldName, TranslationKey> = {
  summary: 'modelFields.summary',
  place: 'modelFields.place',
  organisations: 'modelFields.organisations',
  funders: 'modelFields.funders',
  authors: 'modelFields.authors',
  coverImageUrl: 'modelFields.coverImageUrl',
  programmeName: 'modelFields.programmeName',
  programmeUrl: 'modelFields.programmeUrl',
  basicIdea: 'modelFields.basicIdea',
  environment: 'modelFields.environment',
  targetGroup: 'modelFields.targetGroup',
  conditions: 'modelFields.conditions',
  evaluation: 'modelFields.evaluation',
  tips: 'modelFields.tips',
  structure: 'modelFields.structure',
  facts: 'modelFields.facts',
};

export const FIELD_HINT: Record<ModelFieldName, TranslationKey> = {
  summary: 'modelFieldHints.summary',
  place: 'modelFieldHints.place',
  organisations: 'modelFieldHints.organisations',
  funders: 'modelFieldHints.funders',
  authors: 'modelFieldHints.authors',
  coverImageUrl: 'modelFieldHints.coverImageUrl',
  programmeName: 'modelFieldHints.programmeName',
  programmeUrl: 'modelFieldHints.programmeUrl',
  basicIdea: 'modelFieldHints.basicIdea',
  environment: 'modelFieldHints.environment',
  targetGroup: 'modelFieldHints.targetGroup',
  conditions: 'modelFieldHints.conditions',
  evaluation: 'modelFieldHints.evaluation',
  tips: 'modelFieldHints.tips',
  structure: 'modelFieldHints.structure',
  facts: 'modelFieldHints.facts',
};

export const COMPLETENESS_LABEL: Record<FieldCompleteness, TranslationKey> = {
  empty: 'completeness.empty',
  started: 'completeness.started',
  filled: 'completeness.filled',
};

export const VERSION_KIND_LABEL: Record<ModelVersionKind, TranslationKey> = {
  manual: 'modelVersionKinds.manual',
  phase: 'modelVersionKinds.phase',
  restore: 'modelVersionKinds.restore',
};
