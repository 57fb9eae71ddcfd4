import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LANGUAGES,
  LIMITS,
  ORGANISATION_ROLES,
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type Language,
  type OrganisationRole,
} from '@kehittamo/shared/domain';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty()
  @IsEmail()
  @MaxLength(LIMITS.emailMax)
  email!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ enum: ORGANISATION_ROLES })
  @IsIn(ORGANISATION_ROLES)
  role!: OrganisationRole;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty()
  @IsString()
  @Length(10, 200)
  token!: string;

  @ApiPropertyOptional({ description: 'Required for a new account. A pseudonym is fine.' })
  @IsOptional()
  @IsString()
  @Length(LIMITS.displayNameMin, LIMITS.displayNameMax)
  displayName?: string;

  @ApiProperty({ minLength: LIMITS.passwordMin })
  @IsString()
  @Length(1, LIMITS.passwordMax)
  password!: string;

  @ApiPropertyOptional({ description: 'Optional; visible only to coordinators.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.realNameMax)
  realName?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class ListInvitationsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;
}
