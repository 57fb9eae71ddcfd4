import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  COST_CATEGORIES,
  INDICATOR_LIMITS,
  INDICATOR_SOURCES,
  LEDGER_LIMITS,
  PROGRESS_LIMITS,
  REPORT_LIMITS,
  REPORT_PERIOD_PATTERN,
  REPORT_STATUSES,
  TASK_KINDS,
  TASK_STATUSES,
  type CostCategory,
  type CreateIndicatorRequest,
  type CreateLedgerEntryRequest,
  type CreateProgressReportRequest,
  type IndicatorSource,
  type SetIndicatorValueRequest,
  type DecideProgressReportRequest,
  type ReportStatus,
  type UpdateProgressReportRequest,
  type CreateCostEntryRequest,
  type CreateProgressTaskRequest,
  type TaskKind,
  type TaskStatus,
  type UpdateProgressTaskRequest,
  type UpdateWorkPackageRequest,
} from '@kehittamo/shared/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { strict: true, strictSeparator: true };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateTaskDto implements CreateProgressTaskRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  workPackageId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ enum: TASK_KINDS })
  @IsIn(TASK_KINDS)
  kind!: TaskKind;

  @Transform(trim)
  @IsString()
  @Length(1, PROGRESS_LIMITS.titleMax)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(PROGRESS_LIMITS.descriptionMax)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ example: '2025-01-31', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601(DATE)
  @Matches(DATE_ONLY, { message: 'startsOn must be a date YYYY-MM-DD' })
  startsOn?: string | null;

  @ApiProperty({ example: '2025-06-30' })
  @IsISO8601(DATE)
  @Matches(DATE_ONLY, { message: 'dueOn must be a date YYYY-MM-DD' })
  dueOn!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  parentId?: string | null;

  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROGRESS_LIMITS.modelLinksMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  modelIds?: string[];
}

/** The task's own fields, each optional (its rules kept); where it belongs is fixed at creation. */
export class UpdateTaskDto
  extends PartialType(OmitType(CreateTaskDto, ['workPackageId', 'organisationId', 'kind', 'parentId'] as const))
  implements UpdateProgressTaskRequest {}

export class UpdateObjectiveDto implements UpdateWorkPackageRequest {
  @IsString()
  @MaxLength(PROGRESS_LIMITS.objectiveMax)
  objective!: string;
}

export class CreateCostDto implements CreateCostEntryRequest {
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ example: '2025-03' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month YYYY-MM' })
  period!: string;

  @IsIn(COST_CATEGORIES)
  category!: CostCategory;

  @ApiProperty({ description: 'Euros; a negative amount corrects an earlier entry' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @NotEquals(0)
  @Min(-PROGRESS_LIMITS.amountMax)
  @Max(PROGRESS_LIMITS.amountMax)
  amount!: number;

  @IsOptional()
  @IsString()
  @MaxLength(PROGRESS_LIMITS.noteMax)
  note?: string;
}

export class CostQueryDto {
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class ReportQueryDto {
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

export class CreateReportDto implements CreateProgressReportRequest {
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ example: '2025-Q3' })
  @Matches(REPORT_PERIOD_PATTERN, { message: 'period must be a quarter such as 2025-Q3' })
  period!: string;
}

export class UpdateReportDto implements UpdateProgressReportRequest {
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_LIMITS.sectionMax)
  done?: string;

  @IsOptional()
  @IsString()
  @MaxLength(REPORT_LIMITS.sectionMax)
  next?: string;

  @IsOptional()
  @IsString()
  @MaxLength(REPORT_LIMITS.sectionMax)
  risks?: string;

  @IsOptional()
  @IsString()
  @MaxLength(REPORT_LIMITS.sectionMax)
  support?: string;
}

export class DecideReportDto implements DecideProgressReportRequest {
  @IsIn(['approve', 'return'])
  decision!: 'approve' | 'return';

  @IsOptional()
  @IsString()
  @MaxLength(REPORT_LIMITS.commentMax)
  comment?: string;
}

export class CreateIndicatorDto implements CreateIndicatorRequest {
  @Transform(trim)
  @IsString()
  @Length(1, INDICATOR_LIMITS.nameMax)
  name!: string;

  @Transform(trim)
  @IsString()
  @Length(1, INDICATOR_LIMITS.unitMax)
  unit!: string;

  @IsOptional()
  @IsString()
  @MaxLength(INDICATOR_LIMITS.descriptionMax)
  description?: string;

  @IsOptional()
  @IsIn(INDICATOR_SOURCES)
  source?: IndicatorSource;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(INDICATOR_LIMITS.valueMax)
  target?: number | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(INDICATOR_LIMITS.valueMax)
  baseline?: number | null;
}

export class SetIndicatorValueDto implements SetIndicatorValueRequest {
  @IsUUID()
  organisationId!: string;

  @Matches(REPORT_PERIOD_PATTERN, { message: 'period must be a quarter such as 2025-Q3' })
  period!: string;

  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(INDICATOR_LIMITS.valueMax)
  value!: number;
}

export class ExportPeriodDto {
  @ApiProperty({ example: '2025-Q3' })
  @Matches(REPORT_PERIOD_PATTERN, { message: 'period must be a quarter such as 2025-Q3' })
  period!: string;
}

export class LedgerRangeDto {
  @ApiProperty({ example: '2025-07-01' })
  @IsISO8601(DATE)
  @Matches(DATE_ONLY, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2025-09-30' })
  @IsISO8601(DATE)
  @Matches(DATE_ONLY, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;
}

export class CreateLedgerEntryDto implements CreateLedgerEntryRequest {
  @IsUUID()
  expertId!: string;

  @IsISO8601(DATE)
  @Matches(DATE_ONLY, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @Transform(trim)
  @IsString()
  @Length(1, LEDGER_LIMITS.descriptionMax)
  description!: string;

  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.25)
  @Max(LEDGER_LIMITS.hoursMax)
  hours!: number;

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LEDGER_LIMITS.travelMax)
  travelCosts?: number;
}
