import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LANGUAGES,
  LIMITS,
  type ChangePasswordRequest,
  type Language,
  type LoginRequest,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type UpdateProfileRequest,
} from '@kehittamo/shared/domain';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'coordinator@demo.kehittamo.fi' })
  @IsEmail()
  @MaxLength(LIMITS.emailMax)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.passwordMax)
  password!: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ description: 'The name others see; a pseudonym is fine.' })
  @IsOptional()
  @IsString()
  @Length(LIMITS.displayNameMin, LIMITS.displayNameMax)
  displayName?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Visible only to you and to coordinators.' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(LIMITS.realNameMax)
  realName?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  currentPassword!: string;

  @ApiProperty({ minLength: LIMITS.passwordMin })
  @IsString()
  @Length(LIMITS.passwordMin, LIMITS.passwordMax)
  newPassword!: string;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  @ApiProperty()
  @IsEmail()
  @MaxLength(LIMITS.emailMax)
  email!: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty()
  @IsString()
  @Length(10, 200)
  token!: string;

  @ApiProperty({ minLength: LIMITS.passwordMin })
  @IsString()
  @Length(LIMITS.passwordMin, LIMITS.passwordMax)
  password!: string;
}
