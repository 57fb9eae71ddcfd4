import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIMITS,
  MODEL_PHASE_KEY_PATTERN,
  WORK_PACKAGE_CODES,
  type ChangeModelPhaseRequest,
  type CreateModelDescriptionRequest,
  type CreateModelVersionRequest,
  type LockModelDescriptionRequest,
  type ModelPhase,
  type SetModelPhasesRequest,
  type ModelDescriptionContent,
  type ModelDescriptionExport,
  type ModelDescriptionQuery,
  type UpdateModelDescriptionRequest,
} from '@kehittamo/shared/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
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
  ValidateNested,
} from 'class-validator';

const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;
/** Tags are compared case-insensitively: stored trimmed and lower-case. */
const normaliseTags = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((t) => (typeof t === 'string' ? t.trim().toLowerCase() : t)) : value;

export class CreateModelDescriptionDto implements CreateModelDescriptionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  spaceId!: string;

  @ApiProperty({ maxLength: LIMITS.modelNameMax })
  @IsString()
  @Length(1, LIMITS.modelNameMax)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}

export class UpdateModelDescriptionDto implements UpdateModelDescriptionRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.modelNameMax })
  @IsOptional()
  @IsString()
  @Length(1, LIMITS.modelNameMax)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ enum: WORK_PACKAGE_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(WORK_PACKAGE_CODES, { each: true })
  workPackages?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(normaliseTags)
  @IsArray()
  @ArrayMaxSize(LIMITS.tagsMax)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, LIMITS.tagMax, { each: true })
  @Matches(TAG_PATTERN, { each: true, message: 'each tag must be letters, digits, spaces, _ or -' })
  tags?: string[];
}

export class ChangeModelPhaseDto implements ChangeModelPhaseRequest {
  @ApiProperty()
  @IsString()
  @Matches(MODEL_PHASE_KEY_PATTERN, { message: 'phase must be a phase key such as in-development' })
  phase!: string;
}

export class LockModelDescriptionDto implements LockModelDescriptionRequest {
  @ApiProperty()
  @IsBoolean()
  locked!: boolean;
}

export class CreateModelVersionDto implements CreateModelVersionRequest {
  @ApiProperty({ maxLength: LIMITS.modelVersionNameMax })
  @IsString()
  @Length(1, LIMITS.modelVersionNameMax)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}

export class ModelDescriptionQueryDto implements ModelDescriptionQuery {
  @IsOptional()
  @IsUUID()
  spaceId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.searchQueryMax)
  q?: string;

  @IsOptional()
  @IsString()
  @Matches(MODEL_PHASE_KEY_PATTERN, { message: 'phase must be a phase key such as in-development' })
  phase?: string;

  @IsOptional()
  @IsIn(WORK_PACKAGE_CODES)
  wp?: string;

  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.tagMax)
  tag?: string;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  organisation?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  offset?: number;
}

export class CompareVersionsQueryDto {
  @IsUUID()
  from!: string;

  @Matches(/^(current|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'to must be a version id or "current"' })
  to!: string;
}

export class ImportQueryDto {
  @IsUUID()
  spaceId!: string;
}

/** The JSON export, taken back. The content itself is checked against the editor schema by the service. */
export class ImportModelDescriptionDto implements ModelDescriptionExport {
  @Equals('kehittamo.model-description', { message: 'format must be "kehittamo.model-description"' })
  format!: 'kehittamo.model-description';

  @Equals(1, { message: 'formatVersion must be 1' })
  formatVersion!: 1;

  @IsString()
  @Length(1, LIMITS.modelNameMax)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @IsString()
  @Matches(MODEL_PHASE_KEY_PATTERN, { message: 'phase must be a phase key such as in-development' })
  phase!: string;

  @IsArray()
  @ArrayUnique()
  @IsIn(WORK_PACKAGE_CODES, { each: true })
  workPackages!: string[];

  @Transform(normaliseTags)
  @IsArray()
  @ArrayMaxSize(LIMITS.tagsMax)
  @IsString({ each: true })
  @Length(1, LIMITS.tagMax, { each: true })
  tags!: string[];

  @IsObject()
  content!: ModelDescriptionContent;

  @IsOptional()
  @IsString()
  exportedAt!: string;
}

class PhaseLabelsDto {
  @IsString()
  @Length(1, 60)
  fi!: string;

  @IsString()
  @Length(1, 60)
  sv!: string;

  @IsString()
  @Length(1, 60)
  en!: string;
}

class ModelPhaseDto implements ModelPhase {
  @IsString()
  @Matches(MODEL_PHASE_KEY_PATTERN, { message: 'key must be lower-case letters, digits and dashes, starting with a letter' })
  key!: string;

  @ValidateNested()
  @Type(() => PhaseLabelsDto)
  labels!: PhaseLabelsDto;
}

export class SetModelPhasesDto implements SetModelPhasesRequest {
  @ApiProperty({ type: [Object] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ModelPhaseDto)
  phases!: ModelPhaseDto[];
}
