import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  MODEL_SECTION_KEYS,
  WORKSHOP_LIMITS,
  type AgendaItemInput,
  type CreateWorkshopRequest,
  type ModelSectionKey,
  type SendToModelRequest,
  type UpdateWorkshopRequest,
  type WorkshopFeedbackRequest,
} from '@kehittamo/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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

export class AgendaItemDto implements AgendaItemInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'Keep an existing item\'s id so live mode keeps pointing at it' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ maxLength: WORKSHOP_LIMITS.agendaTitleMax })
  @IsString()
  @Length(1, WORKSHOP_LIMITS.agendaTitleMax)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @ApiProperty({ minimum: 1, maximum: WORKSHOP_LIMITS.agendaMinutesMax })
  @IsInt()
  @Min(1)
  @Max(WORKSHOP_LIMITS.agendaMinutesMax)
  minutes!: number;

  @ApiProperty({ format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  boardId!: string | null;

  @ApiProperty({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 100)
  frameId!: string | null;
}

class WorkshopFieldsDto {
  @ApiProperty({ maxLength: WORKSHOP_LIMITS.titleMax })
  @IsString()
  @Length(1, WORKSHOP_LIMITS.titleMax)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @ApiPropertyOptional({ maxLength: WORKSHOP_LIMITS.descriptionMax })
  @IsOptional()
  @IsString()
  @MaxLength(WORKSHOP_LIMITS.descriptionMax)
  description?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiPropertyOptional({ maxLength: WORKSHOP_LIMITS.locationMax })
  @IsOptional()
  @IsString()
  @MaxLength(WORKSHOP_LIMITS.locationMax)
  location?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WORKSHOP_LIMITS.people)
  @IsUUID('4', { each: true })
  facilitatorIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WORKSHOP_LIMITS.people)
  @IsUUID('4', { each: true })
  participantIds?: string[];

  @ApiPropertyOptional({ type: [AgendaItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WORKSHOP_LIMITS.agendaItems)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WORKSHOP_LIMITS.models)
  @IsUUID('4', { each: true })
  modelIds?: string[];
}

export class CreateWorkshopDto extends WorkshopFieldsDto implements CreateWorkshopRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  spaceId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  templateId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

/** Every field optional, validated as at creation (PartialType also makes each @IsOptional). */
export class UpdateWorkshopDto extends PartialType(WorkshopFieldsDto) implements UpdateWorkshopRequest {}

export class WorkshopFeedbackDto implements WorkshopFeedbackRequest {
  @ApiProperty({ minimum: 0, maximum: 10 }) @IsInt() @Min(0) @Max(10) heard!: number;
  @ApiProperty({ minimum: 0, maximum: 10 }) @IsInt() @Min(0) @Max(10) mattered!: number;
  @ApiProperty({ minimum: 0, maximum: 10 }) @IsInt() @Min(0) @Max(10) suited!: number;
  @ApiProperty({ minimum: 0, maximum: 10 }) @IsInt() @Min(0) @Max(10) overall!: number;
}

export class SendToModelDto implements SendToModelRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  boardId!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(WORKSHOP_LIMITS.sendToModelItems)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  itemIds!: string[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  modelId!: string;

  @ApiProperty({ enum: MODEL_SECTION_KEYS })
  @IsIn(MODEL_SECTION_KEYS as unknown as string[])
  section!: ModelSectionKey;
}

export class WorkshopListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  spaceId?: string;
}

export class PeopleQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  spaceId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class FeedbackTrendQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;
}
