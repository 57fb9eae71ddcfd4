import { DOCUMENT } from '@angular/common';
import { computed, effect, inject, Injectable, linkedSignal } from '@angular/core';
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from '@kehittamo/shared/domain';
import { AuthApi } from '../api/auth.api';
import { AuthStore } from '../auth/auth.store';
import { DICTIONARIES, LOCALES, lookUp } from './dictionaries';
import type { Dictionary } from './dictionary.fi';
import type { LabelGroup, TranslationKey, TranslationParams } from './translation-key';

const STORAGE_KEY = 'kehittamo.language';

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The UI language. The logged-in user's profile language wins; before login the
 * choice is remembered in localStorage. Changing it while logged in also saves it
 * to the profile, so it follows the user to their other devices.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly auth = inject(AuthStore);
  private readonly authApi = inject(AuthApi);
  private readonly document = inject(DOCUMENT);

  /** Follows the profile language whenever a user logs in; keeps the last choice after logout. */
  readonly language = linkedSignal<Language | undefined, Language>({
    source: () => this.auth.me()?.language,
    computation: (fromProfile, previous) => fromProfile ?? previous?.value ?? this.storedLanguage(),
  });
  readonly dictionary = computed<Dictionary>(() => DICTIONARIES[this.language()]);
  /** Locale for `Intl` date and number formatting. */
  readonly locale = computed(() => LOCALES[this.language()]);

  constructor() {
    // Screen readers pick their voice from <html lang>; the stored copy survives logout.
    effect(() => {
      const language = this.language();
      this.document.documentElement.lang = language;
      this.store(language);
    });
  }

  translate(key: TranslationKey, params?: TranslationParams): string {
    return lookUp(this.dictionary(), key, params);
  }

  /** The translated name of a domain value, e.g. `label('roles', 'expert')`. */
  label<G extends LabelGroup>(group: G, value: keyof Dictionary[G]): string {
    return (this.dictionary()[group] as Record<PropertyKey, string>)[value] ?? String(value);
  }

  setLanguage(language: Language): void {
    if (language === this.language()) return;
    this.language.set(language);
    if (this.auth.me()) {
      // A failed save only loses the remote copy; the UI has already switched.
      this.authApi.updateProfile({ language }).subscribe({
        next: (me) => this.auth.set(me),
        error: () => undefined,
      });
    }
  }

  private storedLanguage(): Language {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE; // storage can be blocked (private mode, strict settings)
    }
  }

  private store(language: Language): void {
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Not remembering the choice is acceptable.
    }
  }
}
