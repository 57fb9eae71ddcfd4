import { inject, Pipe, PipeTransform } from '@angular/core';
import type { Dictionary } from './dictionary.fi';
import { I18nService } from './i18n.service';
import type { LabelGroup } from './translation-key';

/** Translates a domain value by its id: `{{ member.role | label: 'roles' }}`. */
@Pipe({ name: 'label', pure: false })
export class LabelPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform<G extends LabelGroup>(value: keyof Dictionary[G], group: G): string {
    return this.i18n.label(group, value);
  }
}
