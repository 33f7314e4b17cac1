import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { PageQuery } from '../common/pagination/pagination';
import { FailedDeliveryPage, NotificationPage, NotificationPreferences, NotificationResponse } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('me/notifications')
  @Allow('profile:read')
  @ApiOperation({ summary: 'Your notifications (process.md §6): what waits for you, newest first, and how many are unread' })
  @ApiOkResponse({ type: NotificationPage })
  listMyNotifications(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Post('me/notifications/:id/read')
  @HttpCode(200)
  @Allow('profile:read')
  @ApiOperation({ summary: 'Record that you have read one of your notifications' })
  @ApiOkResponse({ type: NotificationResponse })
  recordNotificationRead(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<NotificationResponse> {
    return this.notifications.markRead(actor, id);
  }

  @Get('me/notification-preferences')
  @Allow('profile:read')
  @ApiOperation({ summary: 'How you are told by e-mail: immediate, a daily digest, or both' })
  @ApiOkResponse({ type: NotificationPreferences })
  getNotificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferences> {
    return this.notifications.preferences(actor);
  }

  @Put('me/notification-preferences')
  @Allow('profile:read')
  @ApiOperation({ summary: 'Choose how you are told by e-mail: immediate, a daily digest, or both' })
  @ApiOkResponse({ type: NotificationPreferences })
  updateNotificationPreferences(@CurrentActor() actor: Actor, @Body() body: NotificationPreferences): Promise<NotificationPreferences> {
    return this.notifications.setPreferences(actor, body.email);
  }

  @Get('notifications/failed-deliveries')
  @Allow('users:manage')
  @ApiOperation({ summary: 'E-mails of the organisation given up after the last attempt: to whom, and what the mail server said' })
  @ApiOkResponse({ type: FailedDeliveryPage })
  listFailedDeliveries(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<FailedDeliveryPage> {
    return this.notifications.failedDeliveries(actor, query);
  }
}
