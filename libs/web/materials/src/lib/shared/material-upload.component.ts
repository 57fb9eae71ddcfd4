import { HttpErrorResponse, HttpEventType, type HttpEvent } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MATERIAL_ACCEPT, type Material } from '@kehittamo/shared/domain';
import { ConfigStore, I18nService, toApiError, TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';
import type { Observable, Subscription } from 'rxjs';
import { FileSizePipe, formatBytes, formatPercent } from './format';

/** Progress is announced to screen readers in steps of this many percent, not on every event. */
export const ANNOUNCE_STEP_PERCENT = 10;

/**
 * A file picker with a drop zone, and the upload of the chosen file with a progress bar and a
 * Cancel button. The host decides when to send and where (`start(send)`); this component shows
 * the progress, aborts the request on Cancel (unsubscribing aborts the XMLHttpRequest) and
 * explains a refusal at the field: too large (checked before sending against the server's limit,
 * and again on a 413) or a format that is not allowed. Other failures are shown here as an alert
 * and handed to the host (`failed`) so it can mark its own fields.
 *
 * The drop zone is only a convenience around a real, labelled `<input type="file">`, which is what
 * keyboard and screen-reader users operate.
 */
@Component({
  selector: 'kh-material-upload',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, FileSizePipe, ErrorMessageComponent, NoticeComponent],
  templateUrl: './material-upload.component.html',
  styleUrl: './material-upload.component.scss',
})
export class MaterialUploadComponent {
  private readonly config = inject(ConfigStore);
  private readonly i18n = inject(I18nService);
  private readonly injector = inject(Injector);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  /** The id of the file input (and the prefix of its hint, error and progress ids). */
  readonly inputId = input('material-file');
  readonly label = input<TranslationKey>('materialKinds.file');

  readonly uploaded = output<Material>();
  /** A failure other than the file's size or format, e.g. the server's field errors on the metadata. */
  readonly failed = output<unknown>();
  readonly cancelled = output<void>();

  protected readonly accept = MATERIAL_ACCEPT;
  protected readonly file = signal<File | null>(null);
  protected readonly dragging = signal(false);
  /** A problem with the chosen file, shown at the field. */
  protected readonly problem = signal<string | null>(null);
  protected readonly failure = signal<unknown>(null);
  protected readonly notice = signal<string | null>(null);
  /** Null while the total size is unknown (an indeterminate bar). */
  protected readonly percent = signal<number | null>(null);
  protected readonly announcement = signal('');
  private readonly sending = signal(false);
  readonly busy = this.sending.asReadonly();

  /** "40 %" in Finnish and Swedish, "40%" in English. */
  protected readonly percentText = computed(() => {
    const percent = this.percent();
    return percent === null ? '' : formatPercent(percent, this.i18n.locale());
  });
  protected readonly maxSize = computed(() => formatBytes(this.config.materialMaxBytes(), this.i18n.locale()));
  protected readonly describedBy = computed(() =>
    [`${this.inputId()}-hint`, this.file() ? `${this.inputId()}-chosen` : null, this.problem() ? `${this.inputId()}-error` : null]
      .filter(Boolean)
      .join(' '),
  );

  private running: Subscription | null = null;
  private announcedStep = -1;

  constructor() {
    // Leaving the page aborts an upload that is still running.
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  /** Checks that a file is chosen and small enough; shows the problem at the field otherwise. */
  validate(): boolean {
    const file = this.file();
    if (!file) {
      this.problem.set(this.i18n.translate('materialUpload.noFile'));
      return false;
    }
    if (file.size > this.config.materialMaxBytes()) {
      this.problem.set(this.tooLarge());
      return false;
    }
    this.problem.set(null);
    return true;
  }

  /** Sends the chosen file with `send`; false (and the problem shown and focused) when there is nothing valid to send. */
  start(send: (file: File) => Observable<HttpEvent<Material>>): boolean {
    const file = this.file();
    if (this.sending() || !this.validate() || !file) {
      if (!this.sending()) this.focusInput();
      return false;
    }
    this.failure.set(null);
    this.notice.set(null);
    this.percent.set(0);
    this.announcedStep = -1;
    this.announcement.set('');
    this.sending.set(true);
    this.running = send(file).subscribe({
      next: (event) => this.progress(event),
      error: (failure: unknown) => this.fail(failure),
    });
    return true;
  }

  /** Aborts the upload (the request is cancelled) and returns to the picker with a message. */
  cancel(): void {
    if (!this.sending()) return;
    this.running?.unsubscribe();
    this.running = null;
    this.sending.set(false);
    this.announcement.set('');
    this.notice.set(this.i18n.translate('materialUpload.cancelled'));
    this.cancelled.emit();
    this.focusInput();
  }

  /** Forgets the chosen file (after a successful upload that stays on the page). */
  clear(): void {
    this.file.set(null);
    this.problem.set(null);
    this.fileInput().nativeElement.value = '';
  }

  protected picked(event: Event): void {
    this.choose((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const files = event.dataTransfer?.files;
    if (!files?.length) return;
    try {
      // Show the dropped file in the input too, as if it had been picked there.
      this.fileInput().nativeElement.files = files;
    } catch {
      // Older browsers cannot set `files`; the chosen name is shown below the input anyway.
    }
    this.choose(files[0]);
  }

  private choose(file: File | null): void {
    this.file.set(file);
    this.notice.set(null);
    this.failure.set(null);
    // Say at once when the file is too large, instead of after a long wait.
    this.problem.set(file && file.size > this.config.materialMaxBytes() ? this.tooLarge() : null);
  }

  private progress(event: HttpEvent<Material>): void {
    if (event.type === HttpEventType.UploadProgress) {
      if (!event.total) {
        this.percent.set(null);
        return;
      }
      const percent = Math.min(100, Math.floor((event.loaded * 100) / event.total));
      this.percent.set(percent);
      const step = Math.floor(percent / ANNOUNCE_STEP_PERCENT) * ANNOUNCE_STEP_PERCENT;
      if (step > this.announcedStep) {
        this.announcedStep = step;
        this.announcement.set(this.i18n.translate('materialUpload.announce', { percent: formatPercent(step, this.i18n.locale()) }));
      }
    } else if (event.type === HttpEventType.Response) {
      this.running = null;
      this.sending.set(false);
      this.announcement.set('');
      if (event.body) this.uploaded.emit(event.body);
    }
  }

  private fail(failure: unknown): void {
    this.running = null;
    this.sending.set(false);
    this.announcement.set('');
    const apiError = toApiError(failure);
    const status = failure instanceof HttpErrorResponse ? failure.status : apiError?.statusCode;
    if (status === 413 || apiError?.code === 'payload_too_large') {
      this.problem.set(this.tooLarge());
      this.focusInput();
      return;
    }
    if (apiError?.code === 'validation_failed' && apiError.fields?.some((field) => field.field === 'file')) {
      this.problem.set(this.i18n.translate('materialUpload.notAllowed'));
      this.focusInput();
      if (apiError.fields.every((field) => field.field === 'file')) return;
    }
    this.failure.set(failure);
    this.failed.emit(failure);
  }

  private tooLarge(): string {
    return this.i18n.translate('materialUpload.tooLarge', { max: this.maxSize() });
  }

  private focusInput(): void {
    afterNextRender(() => this.fileInput().nativeElement.focus(), { injector: this.injector });
  }
}
