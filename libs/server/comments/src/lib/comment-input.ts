import {
  COMMENT_LIMITS,
  COMMENT_MODEL_PART_PATTERN,
  COMMENT_NOTE_ID_PATTERN,
  MODEL_SECTION_KEYS,
  type CommentAnchor,
  type CommentTarget,
  type FieldError,
} from '@kehittamo/shared/domain';
import { decodeAnchorPosition } from '@kehittamo/shared/model-content';

/** Checks the `part` a target may carry: model parts by name, a board note by id, nothing for a workshop or material. */
export function validateTarget(target: CommentTarget): FieldError[] {
  const part = target.part ?? null;
  switch (target.kind) {
    case 'model':
      if (part === null) return [];
      if (!COMMENT_MODEL_PART_PATTERN.test(part)) return [{ field: 'target.part', problems: ['must be section:<key> or step:<id>'] }];
      if (part.startsWith('section:') && !(MODEL_SECTION_KEYS as readonly string[]).includes(part.slice('section:'.length))) {
        return [{ field: 'target.part', problems: [`section must be one of ${MODEL_SECTION_KEYS.join(', ')}`] }];
      }
      return [];
    case 'board-note':
      return part !== null && COMMENT_NOTE_ID_PATTERN.test(part) ? [] : [{ field: 'target.part', problems: ['must be the id of a note on the board'] }];
    case 'workshop':
    case 'material':
      return part === null ? [] : [{ field: 'target.part', problems: [`must be empty for a ${target.kind}`] }];
  }
}

/** An anchor belongs to a text part of a model and must hold two decodable Yjs relative positions. */
export function validateAnchor(target: CommentTarget, anchor: CommentAnchor | null): FieldError[] {
  if (!anchor) return [];
  if (target.kind !== 'model' || !target.part) return [{ field: 'anchor', problems: ['only a text range in a model section or part can be anchored'] }];
  const problems: string[] = [];
  for (const key of ['start', 'end'] as const) {
    const value = anchor[key];
    if (typeof value !== 'string' || value.length > COMMENT_LIMITS.anchorMax || decodeAnchorPosition(value) === null) {
      problems.push(`${key} must be an encoded Yjs relative position`);
    }
  }
  if (typeof anchor.quote !== 'string' || anchor.quote.length > COMMENT_LIMITS.quoteMax) problems.push(`quote must be at most ${COMMENT_LIMITS.quoteMax} characters`);
  return problems.length > 0 ? [{ field: 'anchor', problems }] : [];
}
