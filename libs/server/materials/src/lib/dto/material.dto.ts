import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  MATERIAL_KINDS,
  MATERIAL_LANGUAGES,
  MATERIAL_LIMITS,
  MATERIAL_TYPES,
  WORK_PACKAGE_CODES,
  LIMITS,
  type AddCollectionItemRequest,
  type CreateMaterialCollectionRequest,
  type CreateMaterialRequest,
  type MaterialKind,
  type MaterialLanguage,
  type MaterialQuery,
  type MaterialType,
  type ReorderCollectionRequest,
  type UpdateMaterialCollectionRequest,
  type UpdateMaterialRequest,
} from '@kehittamo/shared/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

/** Tags are compared case-insensitively: stored trimmed and lower-case. A multipart field arrives comma-separated. */
const toTags = ({ value }: { value: unknown }) => {
  const list = typeof value === 'string' ? value.split(',').filter((t) => t.trim() !== '') : value;
  return Array.isArray(list) ? list.map((t) => (typeof t === 'string' ? t.trim().toLowerCase() : t)) : list;
};
const toCodes = ({ value }: { value: unknown }) => {
  const list = typeof value === 'string' ? value.split(',').filter((t) => t.trim() !== '') : value;
  return Array.isArray(list) ? list.map((t) => (typeof t === 'string' ? t.trim().toUpperCase() : t)) : list;
};
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An empty multipart field means "none". */
const emptyToNull = ({ value }: { value: unknown }) => (value === '' ? null : value);

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

/** The metadata every kind has; files send it as multipart fields. */
export class MaterialMetadataDto {
  @ApiProperty({ maxLength: MATERIAL_LIMITS.titleMax })
  @Transform(trim)
  @IsString()
  @Length(1, MATERIAL_LIMITS.titleMax)
  title!: string;

  @ApiPropertyOptional({ maxLength: MATERIAL_LIMITS.descriptionMax })
  @IsOptional()
  @IsString()
  @MaxLength(MATERIAL_LIMITS.descriptionMax)
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'An array, or comma-separated in a multipart field' })
  @IsOptional()
  @Transform(toTags)
  @IsArray()
  @ArrayMaxSize(MATERIAL_LIMITS.tagsMax)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, MATERIAL_LIMITS.tagMax, { each: true })
  @Matches(TAG_PATTERN, { each: true, message: 'each tag must be letters, digits, spaces, _ or -' })
  tags?: string[];

  @ApiPropertyOptional({ type: [String], enum: WORK_PACKAGE_CODES })
  @IsOptional()
  @Transform(toCodes)
  @IsArray()
  @ArrayUnique()
  @IsIn(WORK_PACKAGE_CODES, { each: true })
  workPackages?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  organisationId?: string | null;

  @ApiPropertyOptional({ enum: MATERIAL_TYPES })
  @IsOptional()
  @IsIn(MATERIAL_TYPES)
  type?: MaterialType;

  @ApiPropertyOptional({ enum: MATERIAL_LANGUAGES })
  @IsOptional()
  @IsIn(MATERIAL_LANGUAGES)
  language?: MaterialLanguage;
}

export class CreateMaterialDto extends MaterialMetadataDto implements CreateMaterialRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  spaceId!: string;

  @ApiProperty({ enum: ['link', 'note'], description: 'Files are uploaded with POST /api/materials/upload' })
  @IsIn(['link', 'note'])
  kind!: 'link' | 'note';

  @ApiPropertyOptional({ description: 'Links: an http(s) address' })
  @ValidateIf((o: CreateMaterialDto) => o.kind === 'link' || o.url !== undefined)
  @Transform(trim)
  @IsString()
  @MaxLength(MATERIAL_LIMITS.urlMax)
  @IsUrl(HTTP_URL, { message: 'url must be an http or https address' })
  url?: string;

  @ApiPropertyOptional({ description: 'Notes: Markdown subset (see docs/comments.md)' })
  @ValidateIf((o: CreateMaterialDto) => o.kind === 'note' || o.body !== undefined)
  @IsString()
  @Length(1, MATERIAL_LIMITS.noteMax)
  body?: string;
}

/** Every metadata field optional (their rules kept), plus a link's address or a note's text. */
export class UpdateMaterialDto extends PartialType(MaterialMetadataDto) implements UpdateMaterialRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MATERIAL_LIMITS.urlMax)
  @IsUrl(HTTP_URL, { message: 'url must be an http or https address' })
  url?: string;

  @IsOptional()
  @IsString()
  @Length(1, MATERIAL_LIMITS.noteMax)
  body?: string;
}

export class UploadQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  spaceId!: string;
}

export class DownloadQueryDto {
  @ApiPropertyOptional({ description: 'A version number; the current one when left out' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class MaterialQueryDto implements MaterialQuery {
  @IsOptional()
  @IsUUID()
  spaceId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.searchQueryMax)
  q?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(MATERIAL_LIMITS.tagMax)
  tag?: string;

  @IsOptional()
  @IsIn(WORK_PACKAGE_CODES)
  wp?: string;

  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @IsOptional()
  @IsIn(MATERIAL_TYPES)
  type?: MaterialType;

  @IsOptional()
  @IsIn(MATERIAL_KINDS)
  kind?: MaterialKind;

  @IsOptional()
  @IsIn(MATERIAL_LANGUAGES)
  language?: MaterialLanguage;

  @IsOptional()
  @IsIn(['recent', 'title', 'popular'])
  sort?: 'recent' | 'title' | 'popular';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset?: number;
}

export class UsefulDto {
  @ApiProperty()
  @IsBoolean()
  useful!: boolean;
}

export class CreateCollectionDto implements CreateMaterialCollectionRequest {
  @IsUUID()
  spaceId!: string;

  @Transform(trim)
  @IsString()
  @Length(1, MATERIAL_LIMITS.collectionTitleMax)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(MATERIAL_LIMITS.collectionDescriptionMax)
  description?: string;
}

export class UpdateCollectionDto implements UpdateMaterialCollectionRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, MATERIAL_LIMITS.collectionTitleMax)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(MATERIAL_LIMITS.collectionDescriptionMax)
  description?: string;
}

export class AddCollectionItemDto implements AddCollectionItemRequest {
  @IsUUID()
  materialId!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MATERIAL_LIMITS.collectionItemsMax)
  position?: number;
}

export class ReorderCollectionDto implements ReorderCollectionRequest {
  @IsArray()
  @ArrayMaxSize(MATERIAL_LIMITS.collectionItemsMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  materialIds!: string[];
}

export class SpaceFilterDto {
  @IsOptional()
  @IsUUID()
  spaceId?: string;
}
