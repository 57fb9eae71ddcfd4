import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIMITS,
  ORGANISATION_KINDS,
  ORGANISATION_ROLES,
  SPACE_ACCESS_LEVELS,
  SPACE_KINDS,
  type CreateOrganisationRequest,
  type CreateSpaceRequest,
  type OrganisationKind,
  type OrganisationRole,
  type SetSpaceMemberRequest,
  type SpaceAccess,
  type SpaceKind,
  type UpdateMemberRequest,
} from '@kehittamo/shared/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

export class CreateOrganisationDto implements CreateOrganisationRequest {
  @ApiProperty()
  @IsString()
  @Length(2, LIMITS.organisationNameMax)
  name!: string;

  @ApiProperty({ example: 'KAI' })
  @IsString()
  @Length(2, LIMITS.shortNameMax)
  @Matches(/^[\p{L}\p{N}_-]+$/u, { message: 'shortName may contain only letters, digits, - and _' })
  shortName!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;
}

export class UpdateMemberDto implements UpdateMemberRequest {
  @ApiPropertyOptional({ enum: ORGANISATION_ROLES })
  @IsOptional()
  @IsIn(ORGANISATION_ROLES)
  role?: OrganisationRole;

  @ApiPropertyOptional({ description: 'Whether ordinary members see the role.' })
  @IsOptional()
  @IsBoolean()
  roleVisible?: boolean;
}

export class CreateSpaceDto implements CreateSpaceRequest {
  @ApiProperty()
  @IsString()
  @Length(2, LIMITS.spaceNameMax)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.spaceDescriptionMax)
  description?: string;

  @ApiProperty({ enum: SPACE_KINDS })
  @IsIn(SPACE_KINDS)
  kind!: SpaceKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for organisation spaces.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class SetSpaceMemberDto implements SetSpaceMemberRequest {
  @ApiProperty({ enum: SPACE_ACCESS_LEVELS })
  @IsIn(SPACE_ACCESS_LEVELS)
  access!: SpaceAccess;
}

export class AuditQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
