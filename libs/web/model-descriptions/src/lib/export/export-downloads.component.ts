import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { I18nService, saveFile, TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import type { Subscription } from 'rxjs';
import { MODEL_EXPORT_FORMATS, ModelDescriptionApi, type ModelExportFormat } from '../data/model-description.api';

const FORMAT_LABEL: Record<ModelExportFormat, TranslationKey> = {
  md: 'modelExport.md',
  docx: 'modelExport.docx',
  pdf: 'modelExport.pdf',
  json: 'modelExport.json',
};

/**
 * A button per export format. The file is fetched with progress (a <progress> bar and a
 * polite status), then handed to the browser as a download. One download at a time; the
 * other buttons stay focusable but do nothing meanwhile (aria-disabled).
 */
@Component({
  selector: 'kh-export-downloads',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ErrorMessageComponent],
  template: `
    <ul class="kh-downloads">
      @for (format of formats; track format) {
        <li>
          <button
            matButton="outlined"
            type="button"
            [attr.data-testid]="'export-' + format"
            [attr.aria-disabled]="busy() !== null ? 'true' : null"
            [attr.aria-busy]="busy() === format ? 'true' : null"
            aria-describedby="export-status"
            (click)="download(format)"
          >
            {{ labels[format] | t }}
          </button>
        </li>
      }
    </ul>
    <div class="kh-download-status">
      @if (busy()) {
        <progress
          [attr.value]="progress() === null ? null : progress()"
          max="1"
          [attr.aria-label]="'modelExport.downloadingUnknown' | t"
        ></progress>
      }
      <p id="export-status" role="status" data-testid="export-status">
        @if (busy()) {
          @if (progress() !== null) {
            {{ 'modelExport.downloading' | t: { percent: percent() } }}
          } @else {
            {{ 'modelExport.downloadingUnknown' | t }}
          }
        } @else if (done(); as name) {
          {{ 'modelExport.downloaded' | t: { name } }}
        }
      </p>
    </div>
    <kh-error-message [error]="error()" />
  `,
  styles: `
    .kh-downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .kh-download-status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      min-height: 2.5rem;
    }
    .kh-download-status p {
      margin: 0;
    }
  `,
})
export class ExportDownloadsComponent {
  private readonly api = inject(ModelDescriptionApi);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  readonly modelId = input.required<string>();
  /** For a file name when the server sends none. */
  readonly modelName = input.required<string>();

  protected readonly formats = MODEL_EXPORT_FORMATS;
  protected readonly labels = FORMAT_LABEL;
  protected readonly busy = signal<ModelExportFormat | null>(null);
  protected readonly progress = signal<number | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);
  private running: Subscription | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected percent(): number {
    return Math.round((this.progress() ?? 0) * 100);
  }

  protected download(format: ModelExportFormat): void {
    if (this.busy()) return;
    this.busy.set(format);
    this.progress.set(null);
    this.done.set(null);
    this.error.set(null);
    this.running = this.api.download(this.modelId(), format, this.i18n.language()).subscribe({
      next: (event) => {
        if (event.kind === 'progress') {
          this.progress.set(event.fraction);
          return;
        }
        const filename = event.filename ?? `${this.modelName()}.${format}`;
        saveFile(this.document, event.blob, filename);
        this.busy.set(null);
        this.done.set(filename);
      },
      error: (failure: unknown) => {
        this.busy.set(null);
        this.error.set(failure);
      },
    });
  }

}
