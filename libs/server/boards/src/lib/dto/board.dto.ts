import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BOARD_LIMITS,
  LIMITS,
  type CreateBoardRequest,
  type SaveBoardTemplateRequest,
  type UpdateBoardRequest,
} from '@kehittamo/shared/domain';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class CreateBoardDto implements CreateBoardRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  spaceId!: string;

  @ApiProperty({ maxLength: LIMITS.boardTitleMax })
  @IsString()
  @Length(1, LIMITS.boardTitleMax)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @ApiPropertyOptional({ description: 'A built-in template key (empty, support, start-stop-continue, swot, journey) or a saved template id' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  templateId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class UpdateBoardDto implements UpdateBoardRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.boardTitleMax })
  @IsOptional()
  @IsString()
  @Length(1, LIMITS.boardTitleMax)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class SaveBoardTemplateDto implements SaveBoardTemplateRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  boardId!: string;

  @ApiProperty({ maxLength: BOARD_LIMITS.templateName })
  @IsString()
  @Length(1, BOARD_LIMITS.templateName)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}
