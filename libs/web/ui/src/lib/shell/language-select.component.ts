import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LANGUAGES, type Language } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, TranslatePipe, isLanguage } from '@kehittamo/web/core';

/**
 * A native <select> with a visible label: it works with every screen reader and
 * opens the phone's own picker. Each language is written in itself, marked with
 * its own `lang` so it is pronounced right.
 */
@Component({
  selector: 'kh-language-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LabelPipe, TranslatePipe],
  template: `
    <label for="lang-select">{{ 'nav.language' | t }}</label>
    <select id="lang-select" data-testid="lang-select" (change)="choose($event)">
      @for (language of languages; track language) {
        <option [value]="language" [attr.lang]="language" [selected]="language === current()">
          {{ language | label: 'languages' }}
        </option>
      }
    </select>
  `,
  host: { class: 'kh-language-select' },
})
export class LanguageSelectComponent {
  private readonly i18n = inject(I18nService);

  protected readonly languages: readonly Language[] = LANGUAGES;
  protected readonly current = this.i18n.language;

  protected choose(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (isLanguage(value)) this.i18n.setLanguage(value);
  }
}
