import { computed, inject, Injectable, signal } from '@angular/core';
import { LIMITS, MATERIAL_LIMITS, type PublicConfig } from '@kehittamo/shared/domain';
import { firstValueFrom } from 'rxjs';
import { ConfigApi } from '../api/config.api';

/** Whitelisted server settings, loaded at startup. The app still works if they fail to load. */
@Injectable({ providedIn: 'root' })
export class ConfigStore {
  private readonly api = inject(ConfigApi);
  private readonly current = signal<PublicConfig | null>(null);

  readonly config = this.current.asReadonly();
  readonly passwordMinLength = computed(() => this.current()?.passwordMinLength ?? LIMITS.passwordMin);
  /** Unknown counts as configured, so the UI does not claim mail is off when it may not be. */
  readonly mailConfigured = computed(() => this.current()?.mailConfigured ?? true);
  /** The largest material upload in bytes, checked before an upload starts (the server checks again). */
  readonly materialMaxBytes = computed(() => this.current()?.materialMaxBytes ?? MATERIAL_LIMITS.defaultMaxBytes);

  async load(): Promise<void> {
    try {
      this.current.set(await firstValueFrom(this.api.config()));
    } catch {
      this.current.set(null);
    }
  }
}
