import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import type { Observable, Subscription } from 'rxjs';
import type { DownloadedFile } from '../workshop.api';
import { saveFile } from '@kehittamo/web/core';

/** One download button: what it says, how to fetch the file, and a name if the server gives none. */
export interface FileDownload {
  key: string;
  label: TranslationKey;
  fetch: () => Observable<DownloadedFile>;
  fallbackName: string;
}

/**
 * Download buttons with a polite status ("Downloading…", "File x downloaded") and errors shown
 * in words. One at a time; the others stay focusable but do nothing meanwhile (aria-disabled).
 */
@Component({
  selector: 'kh-file-downloads',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ErrorMessageComponent],
  template: `
    <div class="kh-form-actions">
      @for (download of downloads(); track download.key) {
        <button
          matButton="outlined"
          type="button"
          [attr.data-testid]="'download-' + download.key"
          [attr.aria-disabled]="busy() ? 'true' : null"
          [attr.aria-busy]="busy() === download.key ? 'true' : null"
          (click)="start(download)"
        >
          {{ download.label | t }}
        </button>
      }
    </div>
    <p role="status" data-testid="download-status">
      @if (busy()) {
        {{ 'workshopSummary.downloading' | t }}
      } @else if (done(); as name) {
        {{ 'workshopSummary.downloaded' | t: { name } }}
      }
    </p>
    <kh-error-message [error]="error()" />
  `,
})
export class FileDownloadsComponent {
  private readonly document = inject(DOCUMENT);

  readonly downloads = input.required<readonly FileDownload[]>();

  protected readonly busy = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);
  private running: Subscription | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected start(download: FileDownload): void {
    if (this.busy()) return;
    this.busy.set(download.key);
    this.done.set(null);
    this.error.set(null);
    this.running = download.fetch().subscribe({
      next: (file) => {
        const name = file.filename ?? download.fallbackName;
        saveFile(this.document, file.blob, name);
        this.busy.set(null);
        this.done.set(name);
      },
      error: (failure: unknown) => {
        this.busy.set(null);
        this.error.set(failure);
      },
    });
  }
}
