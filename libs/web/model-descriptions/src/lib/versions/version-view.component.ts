import { afterNextRender, ChangeDetectionStrategy, Component, effect, ElementRef, inject, Injector, input, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MODEL_FACT_KEYS, MODEL_SECTION_KEYS } from '@kehittamo/shared/domain';
import { DateTimePipe, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';
import { RichTextEditorComponent } from '../editor/rich-text-editor.component';
import { FIELD_LABEL } from '../shared/field-labels';

/**
 * One saved version, read-only: the basic facts, each section in a non-editable Tiptap view
 * of the version's JSON (no collaboration), and the structure. Focus moves to its heading
 * when it opens.
 */
@Component({
  selector: 'kh-version-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, DateTimePipe, ErrorMessageComponent, RichTextEditorComponent],
  template: `
    <kh-error-message [error]="version.error()" />
    @if (version.value(); as version) {
      <h2 #heading id="version-view-heading" tabindex="-1" data-testid="version-view-heading">
        {{ 'modelVersions.viewHeading' | t: { number: version.number, name: version.name || ('modelVersions.unnamed' | t) } }}
      </h2>
      <p>{{ 'modelVersions.viewIntro' | t: { time: (version.createdAt | dateTime) } }}</p>
      <p>
        <a [routerLink]="[]" [queryParams]="{ view: null }" queryParamsHandling="merge" data-testid="version-view-close">{{
          'modelVersions.closeView' | t
        }}</a>
      </p>

      <h3>{{ 'modelFields.facts' | t }}</h3>
      <dl class="kh-version-facts">
        @for (key of factKeys; track key) {
          <div>
            <dt>{{ labels[key] | t }}</dt>
            <dd>{{ version.content.facts[key] || ('common.dash' | t) }}</dd>
          </div>
        }
      </dl>

      @for (key of sectionKeys; track key) {
        <h3 [id]="'version-' + key + '-heading'">{{ labels[key] | t }}</h3>
        <kh-rich-text-editor
          [testId]="'version-section-' + key"
          [content]="version.content.sections[key]"
          [labelledBy]="'version-' + key + '-heading'"
          [label]="labels[key] | t"
        />
      }

      <h3>{{ 'modelFields.structure' | t }}</h3>
      @if (version.content.structure.length) {
        <ol class="kh-version-steps">
          @for (step of version.content.structure; track step.id; let i = $index) {
            <li>
              <h4 [id]="'version-step-' + i + '-heading'">
                {{ 'modelEditor.stepHeading' | t: { number: i + 1 } }}@if (step.title) {<span>: {{ step.title }}</span>}
              </h4>
              <kh-rich-text-editor
                [content]="step.body"
                [labelledBy]="'version-step-' + i + '-heading'"
                [label]="'modelEditor.stepHeading' | t: { number: i + 1 }"
              />
            </li>
          }
        </ol>
      } @else {
        <p>{{ 'modelEditor.stepsNone' | t }}</p>
      }
    } @else if (version.loading()) {
      <p role="status">{{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 1rem;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
    }
    .kh-version-facts div {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5rem;
      margin-block: 0.25rem;
    }
    .kh-version-facts dt {
      font-weight: 600;
    }
    .kh-version-facts dt::after {
      content: ':';
    }
    .kh-version-facts dd {
      margin: 0;
    }
    .kh-version-steps {
      padding-inline-start: 1.25rem;
    }
  `,
})
export class VersionViewComponent {
  private readonly api = inject(ModelDescriptionApi);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  readonly modelId = input.required<string>();
  readonly versionId = input.required<string>();

  protected readonly factKeys = MODEL_FACT_KEYS;
  protected readonly sectionKeys = MODEL_SECTION_KEYS;
  protected readonly labels = FIELD_LABEL;
  protected readonly version = remote({
    params: () => ({ id: this.modelId(), versionId: this.versionId() }),
    load: ({ id, versionId }: { id: string; versionId: string }) => this.api.version(id, versionId),
  });

  constructor() {
    effect(() => {
      if (!this.version.value()) return;
      afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
    });
  }
}
