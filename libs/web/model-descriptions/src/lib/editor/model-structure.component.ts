import { LiveAnnouncer } from '@angular/cdk/a11y';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MODEL_DOC_ROOTS } from '@kehittamo/shared/domain';
import { moveStep, nextStepPosition, orderedSteps } from '@kehittamo/shared/model-content';
import type { CollabSession } from '@kehittamo/web/collab';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import * as Y from 'yjs';
import { StructureStepComponent } from './structure-step.component';

/**
 * The model's structure (Rakenne): an ordered list of parts, each a Y.Map
 * `{ id, position, title, body }` in the document's `structure` array, shown in `position`
 * order (see `orderedSteps`). Yjs cannot move an item, so a move changes only the part's
 * position: text someone types into the part meanwhile is kept.
 */
@Component({
  selector: 'kh-model-structure',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, StructureStepComponent],
  template: `
    @if (steps().length) {
      <ol class="kh-steps" [attr.aria-label]="'modelEditor.structureSteps' | t" data-testid="structure-steps">
        @for (step of steps(); track step; let i = $index) {
          <li class="kh-steps__item" [attr.data-step-id]="stepId(step)">
            <kh-structure-step
              [step]="step"
              [index]="i"
              [total]="steps().length"
              [session]="session()"
              [editable]="editable()"
              [canComment]="canComment()"
              (move)="move(i, $event)"
              (remove)="remove(i)"
            />
          </li>
        }
      </ol>
    } @else {
      <p>{{ 'modelEditor.stepsNone' | t }}</p>
    }
    @if (editable()) {
      <button #addButton matButton="outlined" type="button" data-testid="step-add" (click)="add()">
        {{ 'modelEditor.addStep' | t }}
      </button>
    }
  `,
  styles: `
    .kh-steps {
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 1rem;
    }
    .kh-steps__item {
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
  `,
})
export class ModelStructureComponent {
  private readonly announcer = inject(LiveAnnouncer);
  private readonly i18n = inject(I18nService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  readonly session = input.required<CollabSession>();
  readonly editable = input(false);
  /** The reader may comment (edit or comment rights): selected text in a part can start a thread. */
  readonly canComment = input(false);

  protected readonly steps = signal<readonly Y.Map<unknown>[]>([]);
  private readonly structure = computed(() => this.session().doc.getArray<Y.Map<unknown>>(MODEL_DOC_ROOTS.structure));

  constructor() {
    effect((onCleanup) => {
      const structure = this.structure();
      const read = () => this.steps.set(orderedSteps(structure));
      // Parts added or removed, or a part's position changed (a move); not typing inside a part.
      const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        const reorders = events.some(
          (event) => event.target === structure || (event instanceof Y.YMapEvent && event.target.parent === structure && event.keysChanged.has('position')),
        );
        if (reorders) read();
      };
      read();
      structure.observeDeep(onChange);
      onCleanup(() => structure.unobserveDeep(onChange));
    });
  }

  protected stepId(step: Y.Map<unknown>): string {
    return String(step.get('id') ?? '');
  }

  protected add(): void {
    if (!this.editable()) return;
    const step = new Y.Map<unknown>();
    const id = crypto.randomUUID();
    step.set('id', id);
    step.set('position', nextStepPosition(this.structure()));
    step.set('title', '');
    step.set('body', new Y.XmlFragment());
    this.structure().push([step]);
    const number = this.steps().length;
    this.announce('modelEditor.stepAdded', number);
    this.focusLater(`[data-step-id="${id}"] input`);
  }

  protected remove(index: number): void {
    const structure = this.structure();
    const at = structure.toArray().indexOf(this.steps()[index]);
    if (!this.editable() || at < 0) return;
    structure.delete(at, 1);
    this.announce('modelEditor.stepRemoved', index + 1);
    this.focusLater('[data-testid="step-add"]');
  }

  protected move(index: number, delta: -1 | 1): void {
    const structure = this.structure();
    const target = index + delta;
    const step = this.steps()[index];
    if (!this.editable() || !step || target < 0 || target >= this.steps().length) return;
    const id = String(step.get('id') ?? '');
    // Only the part's position changes: what anyone is typing in it stays.
    moveStep(structure, index, target);
    this.announcer.announce(
      this.i18n.translate('modelEditor.stepMoved', { number: target + 1, total: structure.length }),
      'polite',
    );
    const direction = delta < 0 ? 'up' : 'down';
    const other = delta < 0 ? 'down' : 'up';
    this.focusLater(`[data-step-id="${id}"] [data-move="${direction}"]:not(:disabled)`, `[data-step-id="${id}"] [data-move="${other}"]`);
  }

  private announce(key: 'modelEditor.stepAdded' | 'modelEditor.stepRemoved', number: number): void {
    this.announcer.announce(this.i18n.translate(key, { number }), 'polite');
  }

  /** Focuses the first of `selectors` that matches once the list has re-rendered. */
  private focusLater(...selectors: string[]): void {
    afterNextRender(
      () => {
        for (const selector of selectors) {
          const element = this.host.querySelector<HTMLElement>(selector);
          if (element) return element.focus();
        }
      },
      { injector: this.injector },
    );
  }
}
