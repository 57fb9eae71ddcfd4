import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMENT_LIMITS,
  COMMENT_OUTCOMES,
  COMMENT_REACTIONS,
  COMMENT_TARGET_KINDS,
  COMMENT_THREAD_STATUSES,
  COMMENT_VISIBILITIES,
  EMAIL_FREQUENCIES,
  type CommentAnchor,
  type CommentOutcomeKind,
  type CommentOutcomeRequest,
  type CommentReaction,
  type CommentReactionRequest,
  type CommentTarget,
  type CommentTargetKind,
  type CommentThreadQuery,
  type CommentThreadStatus,
  type CommentVisibility,
  type CreateCommentReplyRequest,
  type CreateCommentThreadRequest,
  type EmailFrequency,
  type HideCommentRequest,
  type MarkNotificationsReadRequest,
  type UpdateCommentRequest,
  type UpdateNotificationSettingsRequest,
} from '@kehittamo/shared/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Body length is checked with the format (commentBodyProblems) so the answer lists every problem at once. */
class CommentWriteDto {
  @ApiProperty({ maxLength: COMMENT_LIMITS.bodyMax, description: 'Comment body format: a small Markdown subset (see docs/comments.md)' })
  @IsString()
  @MaxLength(COMMENT_LIMITS.bodyMax * 2)
  body!: string;

  @ApiPropertyOptional({ description: 'Show the experience-expert badge on this comment (experts only)' })
  @IsOptional()
  @IsBoolean()
  expertBadge?: boolean;

  @ApiPropertyOptional({ enum: COMMENT_VISIBILITIES })
  @IsOptional()
  @IsIn(COMMENT_VISIBILITIES)
  visibility?: CommentVisibility;

  @ApiPropertyOptional({ description: 'After a sensitive-data warning: hold for a coordinator\'s review instead of publishing' })
  @IsOptional()
  @IsBoolean()
  holdForReview?: boolean;
}

export class CommentTargetDto implements CommentTarget {
  @ApiProperty({ enum: COMMENT_TARGET_KINDS })
  @IsIn(COMMENT_TARGET_KINDS)
  kind!: CommentTargetKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiPropertyOptional({ nullable: true, description: 'section:<key> or step:<id> of a model; the note id on a board' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 80)
  part?: string | null;
}

export class CommentAnchorDto implements CommentAnchor {
  @ApiProperty({ description: 'base64 of Y.encodeRelativePosition' })
  @IsString()
  @Length(1, COMMENT_LIMITS.anchorMax)
  start!: string;

  @ApiProperty()
  @IsString()
  @Length(1, COMMENT_LIMITS.anchorMax)
  end!: string;

  @ApiProperty({ maxLength: COMMENT_LIMITS.quoteMax })
  @IsString()
  @MaxLength(COMMENT_LIMITS.quoteMax)
  quote!: string;
}

export class CreateCommentThreadDto extends CommentWriteDto implements CreateCommentThreadRequest {
  @ApiProperty({ type: CommentTargetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CommentTargetDto)
  target!: CommentTargetDto;

  @ApiPropertyOptional({ type: CommentAnchorDto, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => CommentAnchorDto)
  anchor?: CommentAnchorDto | null;
}

export class CreateCommentReplyDto extends CommentWriteDto implements CreateCommentReplyRequest {}

export class UpdateCommentDto implements UpdateCommentRequest {
  @ApiProperty({ maxLength: COMMENT_LIMITS.bodyMax })
  @IsString()
  @MaxLength(COMMENT_LIMITS.bodyMax * 2)
  body!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  holdForReview?: boolean;
}

export class CommentOutcomeDto implements CommentOutcomeRequest {
  @ApiProperty({ enum: COMMENT_OUTCOMES })
  @IsIn(COMMENT_OUTCOMES)
  kind!: CommentOutcomeKind;

  @ApiProperty({ maxLength: COMMENT_LIMITS.reasonMax, description: 'A short reason in plain language' })
  @IsString()
  @Length(1, COMMENT_LIMITS.reasonMax)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class HideCommentDto implements HideCommentRequest {
  @ApiProperty({ maxLength: COMMENT_LIMITS.reasonMax })
  @IsString()
  @Length(1, COMMENT_LIMITS.reasonMax)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class CommentReactionDto implements CommentReactionRequest {
  @ApiProperty({ enum: COMMENT_REACTIONS })
  @IsIn(COMMENT_REACTIONS)
  key!: CommentReaction;
}

export class CommentThreadQueryDto implements CommentThreadQuery {
  @ApiPropertyOptional({ enum: COMMENT_TARGET_KINDS })
  @IsOptional()
  @IsIn(COMMENT_TARGET_KINDS)
  kind?: CommentTargetKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ enum: [...COMMENT_THREAD_STATUSES, 'all'] })
  @IsOptional()
  @IsIn([...COMMENT_THREAD_STATUSES, 'all'])
  status?: CommentThreadStatus | 'all';

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class MentionQueryDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class NotificationListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class MarkNotificationsReadDto implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  ids?: string[];
}

export class UpdateNotificationSettingsDto implements UpdateNotificationSettingsRequest {
  @ApiProperty({ enum: EMAIL_FREQUENCIES })
  @IsIn(EMAIL_FREQUENCIES)
  email!: EmailFrequency;
}
