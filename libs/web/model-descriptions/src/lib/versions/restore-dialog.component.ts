import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, output, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { ModelVersion } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';

/**
 * "Restore version 3?" in a native modal <dialog>: the rest of the page is inert while it is
 * open, focus starts on Cancel (the safe choice), Escape cancels, and focus returns to the
 * button that opened it.
 */
@Component({
  selector: 'kh-restore-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  template: `
    <dialog
      #dialog
      class="kh-dialog"
      data-testid="restore-dialog"
      aria-labelledby="restore-dialog-title"
      aria-describedby="restore-dialog-text"
      (close)="closed()"
    >
      @if (version(); as version) {
        <h2 id="restore-dialog-title">{{ 'modelVersions.restoreTitle' | t: { number: version.number } }}</h2>
        <p id="restore-dialog-text">{{ 'modelVersions.restoreText' | t: { number: version.number } }}</p>
        <div class="kh-form-actions">
          <button matButton="filled" type="button" data-testid="restore-confirm" (click)="confirm(version)">
            {{ 'modelVersions.restoreYes' | t }}
          </button>
          <button #cancelButton matButton="outlined" type="button" autofocus data-testid="restore-cancel" (click)="dialog.close()">
            {{ 'common.cancel' | t }}
          </button>
        </div>
      }
    </dialog>
  `,
  styles: `
    .kh-dialog {
      max-width: min(32rem, calc(100vw - 2rem));
      padding: 1.5rem;
      border: 2px solid var(--mat-sys-outline);
      border-radius: 16px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .kh-dialog::backdrop {
      background: rgb(0 0 0 / 45%);
    }
    .kh-dialog h2 {
      margin-top: 0;
    }
  `,
})
export class RestoreDialogComponent {
  private readonly injector = inject(Injector);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  // `read`: the ref sits on a MatButton host, which would otherwise give the component.
  private readonly cancelButton = viewChild('cancelButton', { read: ElementRef<HTMLElement> });

  readonly confirmed = output<ModelVersion>();

  protected readonly version = signal<ModelVersion | null>(null);
  private returnFocusTo: HTMLElement | null = null;

  /** Asks about `version`; `trigger` gets focus back when the dialog closes. */
  open(version: ModelVersion, trigger: HTMLElement | null): void {
    this.version.set(version);
    this.returnFocusTo = trigger;
    const dialog = this.dialog().nativeElement;
    // Shown once the question for this version has rendered.
    afterNextRender(
      () => {
        if (!dialog.open) dialog.showModal();
        this.cancelButton()?.nativeElement.focus();
      },
      { injector: this.injector },
    );
  }

  protected confirm(version: ModelVersion): void {
    this.confirmed.emit(version);
    this.dialog().nativeElement.close();
  }

  protected closed(): void {
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    target?.focus();
  }
}
