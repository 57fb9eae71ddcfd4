import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  MarkNotificationsReadRequest,
  NotificationList,
  NotificationSettings,
  UpdateNotificationSettingsRequest,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

/** The reader's own notifications and e-mail choice. */
@Injectable({ providedIn: 'root' })
export class NotificationApi {
  private readonly http = inject(HttpClient);

  /** Newest first, with the number of unread ones (`limit=1` is the cheap way to get only that). */
  list(limit?: number): Observable<NotificationList> {
    const params: Record<string, number> = limit === undefined ? {} : { limit };
    return this.http.get<NotificationList>('/api/notifications', { params });
  }

  /** Without ids marks every notification read; answers with what is still unread. */
  markRead(ids?: readonly string[]): Observable<{ unread: number }> {
    const request: MarkNotificationsReadRequest = ids ? { ids: [...ids] } : {};
    return this.http.post<{ unread: number }>('/api/notifications/read', request);
  }

  settings(): Observable<NotificationSettings> {
    return this.http.get<NotificationSettings>('/api/me/notification-settings');
  }

  updateSettings(request: UpdateNotificationSettingsRequest): Observable<NotificationSettings> {
    return this.http.put<NotificationSettings>('/api/me/notification-settings', request);
  }
}
