import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, type RouterStateSnapshot } from '@angular/router';
import { I18nService, type TranslationKey } from '@kehittamo/web/core';

/**
 * Marks a route `title` as a translation key, so a typo fails to compile:
 * `{ path: 'login', title: pageTitle('login.title') }`.
 */
export function pageTitle(key: TranslationKey): string {
  return key;
}

/**
 * document.title = "<detail> – <page> – Kehittämö", translated, and re-translated
 * when the language changes. Screen-reader users hear the title on every page change.
 */
@Injectable({ providedIn: 'root' })
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18nService);
  private readonly routeKey = signal<TranslationKey | null>(null);
  private readonly detail = signal<string | null>(null);

  readonly current = computed(() => {
    const key = this.routeKey();
    const parts = [this.detail(), key ? this.i18n.translate(key) : null, this.i18n.translate('app.name')];
    return parts.filter((part): part is string => !!part).join(' – ');
  });

  constructor() {
    super();
    effect(() => this.title.setTitle(this.current()));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.detail.set(null);
    this.routeKey.set((this.buildTitle(snapshot) as TranslationKey | undefined) ?? null);
  }

  /** Adds what the page is about, e.g. the name of the space, in front of the page title. */
  setDetail(detail: string | null): void {
    this.detail.set(detail);
  }
}
