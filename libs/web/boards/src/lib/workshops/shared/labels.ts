import type { BuiltInTemplateKey, FeedbackQuestion, ModelSectionKey, QuickReaction } from '@kehittamo/shared/domain';
import type { TranslationKey } from '@kehittamo/web/core';

/** Translation keys by domain value, so templates stay type-checked (no string concatenation). */

export const FEEDBACK_QUESTION_LABEL: Record<FeedbackQuestion, TranslationKey> = {
  heard: 'workshopQuestions.heard',
  mattered: 'workshopQuestions.mattered',
  suited: 'workshopQuestions.suited',
  overall: 'workshopQuestions.overall',
};

export const REACTION_LABEL: Record<QuickReaction, TranslationKey> = {
  thumbsUp: 'workshopReactions.thumbsUp',
  heart: 'workshopReactions.heart',
  clap: 'workshopReactions.clap',
  laugh: 'workshopReactions.laugh',
  question: 'workshopReactions.question',
};

/** Emoji shown next to (never instead of) the reaction's name. */
export const REACTION_EMOJI: Record<QuickReaction, string> = {
  thumbsUp: '👍',
  heart: '❤️',
  clap: '👏',
  laugh: '😄',
  question: '❓',
};

export const TEMPLATE_LABEL: Record<BuiltInTemplateKey, TranslationKey> = {
  empty: 'workshopTemplates.empty',
  support: 'workshopTemplates.support',
  'start-stop-continue': 'workshopTemplates.start-stop-continue',
  swot: 'workshopTemplates.swot',
  journey: 'workshopTemplates.journey',
};

/** Section names already translated for the model editor. */
export const MODEL_SECTION_LABEL: Record<ModelSectionKey, TranslationKey> = {
  basicIdea: 'modelFields.basicIdea',
  environment: 'modelFields.environment',
  targetGroup: 'modelFields.targetGroup',
  conditions: 'modelFields.conditions',
  evaluation: 'modelFields.evaluation',
  tips: 'modelFields.tips',
};
