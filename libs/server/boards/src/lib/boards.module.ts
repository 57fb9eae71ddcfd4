import { Module } from '@nestjs/common';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { BoardController } from './board.controller';
import { BoardService } from './board.service';
import { BoardTemplateService } from './board-template.service';
import { AttendanceService } from './workshops/after/attendance.service';
import { FeedbackService } from './workshops/after/feedback.service';
import { SummaryService } from './workshops/after/summary.service';
import { BoardReader } from './workshops/live/board-reader';
import { LiveGateway } from './workshops/live/live.gateway';
import { LiveService } from './workshops/live/live.service';
import { WorkshopController } from './workshops/workshop.controller';
import { WorkshopService } from './workshops/workshop.service';

/** Boards, their templates, and the workshops that run on them (live mode included). */
@Module({
  imports: [DataAccessModule],
  controllers: [BoardController, WorkshopController],
  providers: [
    BoardService,
    BoardTemplateService,
    WorkshopService,
    LiveService,
    LiveGateway,
    BoardReader,
    AttendanceService,
    FeedbackService,
    SummaryService,
  ],
})
export class BoardsModule {}
