import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, viewChild } from '@angular/core';
import type { ModelVersionComparison } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { FIELD_LABEL } from '../shared/field-labels';

/**
 * The changes between two versions (or a version and the current content), field by field.
 * Added text is in <ins>, removed in <del>: underlined / struck through, with hidden words
 * ("added:", "end of addition") for screen readers, which do not announce the elements.
 */
@Component({
  selector: 'kh-version-compare',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <h3 #heading tabindex="-1" data-testid="compare-heading">
      {{ 'modelVersions.compareResult' | t: { from: fromLabel(), to: toLabel() } }}
    </h3>
    @if (changed().length) {
      <p class="kh-muted">{{ 'modelVersions.legend' | t }}</p>
      @for (field of changed(); track field.field) {
        <h4>{{ labels[field.field] | t }}</h4>
        <p class="kh-diff" [attr.data-testid]="'diff-' + field.field">@for (change of field.changes; track $index) {@switch (change.op) {
              @case ('insert') {<ins><span class="kh-visually-hidden">[{{ 'modelVersions.added' | t }}] </span>{{ change.text }}<span class="kh-visually-hidden"> [{{ 'modelVersions.addedEnd' | t }}]</span></ins>}
              @case ('delete') {<del><span class="kh-visually-hidden">[{{ 'modelVersions.removed' | t }}] </span>{{ change.text }}<span class="kh-visually-hidden"> [{{ 'modelVersions.removedEnd' | t }}]</span></del>}
              @default {<span>{{ change.text }}</span>}
            }}</p>
      }
    } @else {
      <p data-testid="compare-no-changes">{{ 'modelVersions.noChanges' | t }}</p>
    }
    @if (unchanged()) {
      <p class="kh-muted">{{ 'modelVersions.unchanged' | t: { count: unchanged() } }}</p>
    }
  `,
  styles: `
    .kh-diff {
      white-space: pre-wrap;
      max-width: 48rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .kh-diff ins {
      background: #e6f4ea;
      color: #0d4f20;
      text-decoration: underline;
      text-decoration-thickness: 2px;
    }
    .kh-diff del {
      background: #fce8e6;
      color: #8c1d18;
      text-decoration: line-through;
      text-decoration-thickness: 2px;
    }
  `,
})
export class VersionCompareComponent {
  private readonly injector = inject(Injector);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  readonly comparison = input.required<ModelVersionComparison>();
  /** "Nykyinen sisältö" when compared with the current content. */
  readonly currentLabel = input.required<string>();

  protected readonly labels = FIELD_LABEL;
  protected readonly changed = computed(() => this.comparison().fields.filter((field) => field.changed));
  protected readonly unchanged = computed(() => this.comparison().fields.length - this.changed().length);
  protected readonly fromLabel = computed(() => versionLabel(this.comparison().from));
  protected readonly toLabel = computed(() => {
    const to = this.comparison().to;
    return to ? versionLabel(to) : this.currentLabel();
  });

  constructor() {
    effect(() => {
      this.comparison();
      afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
    });
  }
}

function versionLabel(version: { number: number; name: string }): string {
  return version.name ? `${version.number}: ${version.name}` : String(version.number);
}
