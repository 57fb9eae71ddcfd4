import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Project, PublicConfig } from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

/** Public server settings and the project description. */
@Injectable({ providedIn: 'root' })
export class ConfigApi {
  private readonly http = inject(HttpClient);

  config(): Observable<PublicConfig> {
    return this.http.get<PublicConfig>('/api/config');
  }

  project(): Observable<Project> {
    return this.http.get<Project>('/api/project');
  }
}
