import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { LIMITS, WORK_PACKAGE_CODES, type ModelDescription } from '@kehittamo/shared/domain';
import { DateTimePipe, I18nService, TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';
import type { Observable } from 'rxjs';
import { ModelDescriptionApi } from '../data/model-description.api';
import { ModelPhaseStore } from '../data/model-phase.store';
import { PhaseLabelPipe } from '../shared/phase-label.pipe';

/** Splits "perhetyö, nuoret ,, Perhetyö" into distinct, trimmed, length-capped tags. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim().slice(0, LIMITS.tagMax);
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags.slice(0, LIMITS.tagsMax);
}

/**
 * What lives in the database rather than in the shared document: name, development phase
 * (with its history), work packages, keywords and the lock. Each is saved on its own with
 * the REST API; the answer (the whole description) goes to the page through `changed`.
 * Without edit rights they are shown as text (the lock stays available to those who may lock).
 */
@Component({
  selector: 'kh-model-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, RouterLink, TranslatePipe, DateTimePipe, PhaseLabelPipe, ErrorMessageComponent, NoticeComponent],
  templateUrl: './model-details.component.html',
  styleUrl: './model-details.component.scss',
})
export class ModelDetailsComponent {
  private readonly api = inject(ModelDescriptionApi);
  private readonly i18n = inject(I18nService);
  protected readonly phaseStore = inject(ModelPhaseStore);

  readonly model = input.required<ModelDescription>();
  readonly changed = output<ModelDescription>();

  protected readonly workPackageCodes = WORK_PACKAGE_CODES;
  protected readonly nameMax = LIMITS.modelNameMax;
  protected readonly canEdit = computed(() => this.model().access === 'edit');
  protected readonly name = linkedSignal(() => this.model().name);
  protected readonly nameMissing = signal(false);
  protected readonly phase = linkedSignal(() => this.model().phase);
  protected readonly tagsText = linkedSignal(() => this.model().tags.join(', '));
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly notice = signal<string | null>(null);
  /** False when the description is in a phase the project no longer lists: it stays selectable. */
  protected readonly phaseKnown = computed(() => this.phaseStore.phases().some((p) => p.key === this.model().phase));
  /** Newest first. */
  protected readonly history = computed(() => [...this.model().phaseHistory].reverse());

  protected saveName(event: Event): void {
    event.preventDefault();
    const name = this.name().trim();
    this.nameMissing.set(!name);
    if (!name) return;
    this.save('name', this.api.update(this.model().id, { name }), 'modelEditor.nameSaved');
  }

  protected savePhase(event: Event): void {
    event.preventDefault();
    const phase = this.phase();
    if (phase === this.model().phase) return;
    this.save('phase', this.api.changePhase(this.model().id, { phase }), null, (model) =>
      this.i18n.translate('modelEditor.phaseSaved', { phase: this.phaseStore.label(model.phase) }),
    );
  }

  protected toggleWorkPackage(code: string, event: Event): void {
    const box = event.target as HTMLInputElement;
    const checked = box.checked;
    const current = new Set(this.model().workPackages);
    if (checked) current.add(code);
    else current.delete(code);
    const workPackages = WORK_PACKAGE_CODES.filter((c) => current.has(c));
    this.save('workPackages', this.api.update(this.model().id, { workPackages }), 'modelEditor.workPackagesSaved', undefined, () => (box.checked = !checked));
  }

  protected saveTags(event: Event): void {
    event.preventDefault();
    const tags = parseTags(this.tagsText());
    this.save('tags', this.api.update(this.model().id, { tags }), 'modelEditor.tagsSaved');
  }

  protected toggleLock(event: Event): void {
    const box = event.target as HTMLInputElement;
    const locked = box.checked;
    this.save('lock', this.api.setLocked(this.model().id, { locked }), locked ? 'modelEditor.lockedNow' : 'modelEditor.unlockedNow', undefined, () => (box.checked = !locked));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  private save(
    what: string,
    request: Observable<ModelDescription>,
    doneKey: TranslationKey | null,
    doneText?: (model: ModelDescription) => string,
    revert?: () => void,
  ): void {
    if (this.busy()) return;
    this.busy.set(what);
    this.error.set(null);
    this.notice.set(null);
    request.subscribe({
      next: (model) => {
        this.busy.set(null);
        this.changed.emit(model);
        this.notice.set(doneText ? doneText(model) : doneKey ? this.i18n.translate(doneKey) : null);
      },
      error: (failure: unknown) => {
        this.busy.set(null);
        this.error.set(failure);
        // Put the controls back to what is saved (a checkbox keeps its DOM state otherwise).
        revert?.();
        this.changed.emit({ ...this.model() });
      },
    });
  }
}
