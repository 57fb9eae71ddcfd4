import { computed, inject, Injectable, signal } from '@angular/core';
import { DEFAULT_MODEL_PHASES, type ModelPhase } from '@kehittamo/shared/domain';
import { I18nService, type TranslationKey } from '@kehittamo/web/core';
import { ModelDescriptionApi } from './model-description.api';

type DefaultPhase = (typeof DEFAULT_MODEL_PHASES)[number];

/** The default phases are translated in the web app; other (project-configured) phases use the server's labels. */
const DEFAULT_PHASE_KEYS: Record<DefaultPhase, TranslationKey> = {
  idea: 'modelPhases.idea',
  'in-development': 'modelPhases.in-development',
  piloting: 'modelPhases.piloting',
  ready: 'modelPhases.ready',
  established: 'modelPhases.established',
};

const isDefaultPhase = (key: string): key is DefaultPhase => (DEFAULT_MODEL_PHASES as readonly string[]).includes(key);

/**
 * The project's development phases (`GET /api/model-descriptions/phases`), loaded once per app
 * and shared by every page, and their labels in the current language.
 */
@Injectable({ providedIn: 'root' })
export class ModelPhaseStore {
  private readonly api = inject(ModelDescriptionApi);
  private readonly i18n = inject(I18nService);
  private readonly list = signal<readonly ModelPhase[] | null>(null);

  /** The phases in order; the defaults until the server's list has arrived (or when it fails). */
  readonly phases = computed<readonly ModelPhase[]>(
    () => this.list() ?? DEFAULT_MODEL_PHASES.map((key) => ({ key, labels: { fi: key, sv: key, en: key } })),
  );

  constructor() {
    this.load();
  }

  /** Asks again, e.g. after a failure; pages need not call it (the store loads when first used). */
  load(): void {
    this.api.phases().subscribe({ next: (phases) => this.list.set(phases), error: () => undefined });
  }

  /** The phase's name in the UI language; unknown keys are shown as they are. */
  label(key: string): string {
    if (isDefaultPhase(key)) return this.i18n.translate(DEFAULT_PHASE_KEYS[key]);
    const phase = this.phases().find((p) => p.key === key);
    return phase?.labels[this.i18n.language()] || key;
  }
}
