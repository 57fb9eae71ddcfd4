import { ApiProperty } from '@nestjs/swagger';
import { LIMITS, type CreateBoardRequest } from '@kehittamo/shared/domain';
import { IsString, IsUUID, Length, Matches } from 'class-validator';

export class CreateBoardDto implements CreateBoardRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  spaceId!: string;

  @ApiProperty({ maxLength: LIMITS.boardTitleMax })
  @IsString()
  @Length(1, LIMITS.boardTitleMax)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;
}
