import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { I18nService, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';
import { FIELD_LABEL, type ModelFieldName } from '../shared/field-labels';

/**
 * Innokylä's fields as plain text, each in a labelled read-only text area with its own copy
 * button, so a user can paste them into the national service one by one.
 */
@Component({
  selector: 'kh-innokyla-copy',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ErrorMessageComponent],
  template: `
    <kh-error-message [error]="copy.error()" />
    @if (copy.value(); as copy) {
      <ol class="kh-innokyla">
        @for (item of copy.fields; track item.field) {
          <li class="kh-innokyla__field" [attr.data-testid]="'innokyla-' + item.field">
            <label [for]="'innokyla-' + item.field + '-text'">{{ label(item.field) }}</label>
            @if (!item.text) {
              <p class="kh-muted kh-innokyla__empty" [id]="'innokyla-' + item.field + '-empty'">{{ 'modelExport.emptyField' | t }}</p>
            }
            <textarea
              #area
              readonly
              [id]="'innokyla-' + item.field + '-text'"
              [attr.aria-describedby]="item.text ? null : 'innokyla-' + item.field + '-empty'"
              [rows]="rows(item.text)"
              [value]="item.text"
            ></textarea>
            <div>
              <button
                matButton="outlined"
                type="button"
                [attr.data-testid]="'innokyla-copy-' + item.field"
                [attr.aria-label]="'modelExport.copyLabel' | t: { field: label(item.field) }"
                (click)="copyText(item.field, item.text, area)"
              >
                {{ 'modelExport.copy' | t }}
              </button>
            </div>
          </li>
        }
      </ol>
    } @else if (copy.loading()) {
      <p role="status">{{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    .kh-innokyla {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 1.25rem;
      max-width: 48rem;
    }
    .kh-innokyla__field {
      display: flex;
      flex-direction: column;
      gap: 0.375rem;
    }
    .kh-innokyla__field label {
      font-weight: 600;
    }
    .kh-innokyla__empty {
      margin: 0;
    }
    .kh-innokyla__field textarea {
      box-sizing: border-box;
      width: 100%;
      padding: 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      background: var(--mat-sys-surface-container-lowest);
      color: var(--mat-sys-on-surface);
      font: inherit;
      resize: vertical;
    }
  `,
})
export class InnokylaCopyComponent {
  private readonly api = inject(ModelDescriptionApi);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);

  readonly modelId = input.required<string>();

  protected readonly copy = remote({ params: () => this.modelId(), load: (id: string) => this.api.innokyla(id) });

  protected label(field: string): string {
    const key = FIELD_LABEL[field as ModelFieldName];
    return key ? this.i18n.translate(key) : field;
  }

  protected rows(text: string): number {
    return Math.min(12, Math.max(2, text.split('\n').length + Math.floor(text.length / 90)));
  }

  protected async copyText(field: string, text: string, area: HTMLTextAreaElement): Promise<void> {
    const name = this.label(field);
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // Clipboard API refused (no permission, insecure context): select the text for the user.
      area.focus();
      area.select();
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
    }
    void this.announcer.announce(
      copied ? this.i18n.translate('modelExport.copied', { field: name }) : this.i18n.translate('modelExport.copyFailed'),
      'polite',
    );
  }
}
