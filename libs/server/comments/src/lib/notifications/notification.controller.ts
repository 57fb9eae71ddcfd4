import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@kehittamo/server/core';
import type { NotificationList, NotificationSettings } from '@kehittamo/shared/domain';
import { MarkNotificationsReadDto, NotificationListQueryDto, UpdateNotificationSettingsDto } from '../dto/comment.dto';
import { NotificationService } from './notification.service';

@ApiTags('notifications')
@Controller()
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get('notifications')
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationListQueryDto): Promise<NotificationList> {
    return this.notifications.list(user.id, query.limit ?? 30);
  }

  /** Marks the given notifications read, or all of them without `ids`. */
  @Post('notifications/read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthenticatedUser, @Body() body: MarkNotificationsReadDto): Promise<{ unread: number }> {
    return this.notifications.markRead(user.id, body.ids);
  }

  @Get('me/notification-settings')
  settings(@CurrentUser() user: AuthenticatedUser): Promise<NotificationSettings> {
    return this.notifications.settings(user.id);
  }

  @Put('me/notification-settings')
  updateSettings(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateNotificationSettingsDto): Promise<NotificationSettings> {
    return this.notifications.updateSettings(user.id, body.email);
  }
}
