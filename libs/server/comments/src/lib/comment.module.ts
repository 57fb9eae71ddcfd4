import { Module } from '@nestjs/common';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { CommentAccess } from './comment-access';
import { CommentController } from './comment.controller';
import { CommentService } from './comment.service';
import { DigestService } from './notifications/digest.service';
import { NotificationController } from './notifications/notification.controller';
import { NotificationService } from './notifications/notification.service';

/** Comment threads on models, board notes and workshops; notifications in the app and by e-mail. */
@Module({
  imports: [DataAccessModule],
  controllers: [CommentController, NotificationController],
  providers: [CommentAccess, CommentService, NotificationService, DigestService],
  exports: [NotificationService, DigestService],
})
export class CommentModule {}
