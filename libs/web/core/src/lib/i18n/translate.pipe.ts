import { inject, Pipe, PipeTransform } from '@angular/core';
import { I18nService } from './i18n.service';
import type { TranslationKey, TranslationParams } from './translation-key';

/**
 * `{{ 'login.title' | t }}` or `{{ 'nav.loggedInAs' | t: { name: me.displayName } }}`.
 * Impure so it re-translates when the language signal changes (the template reads
 * the signal through this pipe, so OnPush views are refreshed); the lookup is cheap.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.translate(key, params);
  }
}
