import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { ProgressApi, type FunderReportFormat } from '../progress.api';
import { currentQuarter, PROJECT_QUARTERS } from '../shared/quarters';

/**
 * "Rahoittajan raportti": a quarter and PDF or DOCX. The file is fetched as a blob, so the page
 * can say (politely, in a live region) that it is being put together and show an error; then it
 * is handed to the browser as a download. Only for users who may see the budget.
 */
@Component({
  selector: 'kh-funder-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ErrorMessageComponent],
  template: `
    <section class="kh-section" aria-labelledby="funder-report-heading">
      <h2 id="funder-report-heading">{{ 'progress.funder' | t }}</h2>
      <div class="funder">
        <div class="kh-inline-field">
          <label for="funder-report-period">{{ 'progress.quarter' | t }}</label>
          <select id="funder-report-period" data-testid="funder-report-period" (change)="choose($event)">
            @for (quarter of quarters; track quarter) {
              <option [value]="quarter" [selected]="quarter === period()">{{ quarter }}</option>
            }
          </select>
        </div>
        <button matButton="filled" type="button" data-testid="funder-report-pdf" [attr.aria-disabled]="busy()" (click)="download('pdf')">
          {{ 'progress.pdf' | t }}
        </button>
        <button matButton="outlined" type="button" data-testid="funder-report-docx" [attr.aria-disabled]="busy()" (click)="download('docx')">
          {{ 'progress.docx' | t }}
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="funder-report-status">{{ status() }}</p>
      <kh-error-message [error]="error()" />
    </section>
  `,
  styles: `
    .funder {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: center;
    }
  `,
})
export class FunderReportComponent {
  private readonly api = inject(ProgressApi);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly quarters = PROJECT_QUARTERS;
  protected readonly period = signal(currentQuarter());
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal<unknown>(null);

  protected choose(event: Event): void {
    this.period.set((event.target as HTMLSelectElement).value);
  }

  protected download(format: FunderReportFormat): void {
    if (this.busy()) return;
    const period = this.period();
    this.busy.set(true);
    this.error.set(null);
    this.status.set(this.i18n.translate('progress.building'));
    this.api
      .funderReport(format, period)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
      next: (blob) => {
        this.busy.set(false);
        this.save(blob, `rahoittajaraportti-${period}.${format}`);
        this.status.set(this.i18n.translate('progress.built'));
      },
      error: async (failure: unknown) => {
        this.busy.set(false);
        this.status.set('');
        this.error.set(await readBlobError(failure));
      },
    });
  }

  private save(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url));
  }
}

/** A blob request's error body is a Blob too: read the server's JSON error out of it. */
async function readBlobError(failure: unknown): Promise<unknown> {
  if (!(failure instanceof HttpErrorResponse) || !(failure.error instanceof Blob)) return failure;
  try {
    const body: unknown = JSON.parse(await blobText(failure.error));
    return new HttpErrorResponse({ error: body, status: failure.status, statusText: failure.statusText, url: failure.url ?? undefined });
  } catch {
    return failure;
  }
}

/** A blob's text via FileReader (works wherever Blob does). */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
