import { Module } from '@nestjs/common';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { BoardController } from './board.controller';
import { BoardService } from './board.service';

@Module({
  imports: [DataAccessModule],
  controllers: [BoardController],
  providers: [BoardService],
})
export class BoardsModule {}
