import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  COLLAB_PATH_PREFIX,
  type CollabTokenRequest,
  type CollabTokenResponse,
} from '@kehittamo/shared/collab-protocol';
import { AuthStore } from '@kehittamo/web/core';
import { firstValueFrom } from 'rxjs';
import { CollabSession } from './collab-session';

/**
 * The WebSocket base URL of the collaboration server on this page's own origin
 * (`wss://host/collab`). The token response's absolute `url` is not used: the server's
 * PUBLIC_URL can differ from the origin the app was loaded from (dev proxy, tests).
 */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${COLLAB_PATH_PREFIX.replace(/\/$/, '')}`;
}

/**
 * Opens collaborative documents (`board.<uuid>`, `model.<uuid>`) for the logged-in user.
 * Each `open` makes an independent {@link CollabSession}; the caller closes it (typically
 * in `DestroyRef.onDestroy` or an effect's cleanup).
 */
@Injectable({ providedIn: 'root' })
export class CollabDocumentService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly document = inject(DOCUMENT);

  open(docName: string): CollabSession {
    const view = this.document.defaultView;
    return new CollabSession({
      docName,
      serverUrl: collabServerUrl(this.document.location),
      requestToken: (doc) => this.requestToken(doc),
      selfUserId: () => this.auth.me()?.id ?? null,
      onNetworkBack: (retry) => {
        view?.addEventListener('online', retry);
        return () => view?.removeEventListener('online', retry);
      },
    });
  }

  /** A single-use token for one connection; 404 when the user may not open the document. */
  private requestToken(doc: string): Promise<CollabTokenResponse> {
    const body: CollabTokenRequest = { doc };
    return firstValueFrom(this.http.post<CollabTokenResponse>('/api/collab/token', body));
  }
}
