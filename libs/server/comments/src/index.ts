export * from './lib/comment.module';
export { DigestService, digestInstant } from './lib/notifications/digest.service';
export { notificationMail } from './lib/notifications/notification-mail';
