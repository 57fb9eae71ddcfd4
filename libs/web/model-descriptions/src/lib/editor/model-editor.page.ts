import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  type CommentTarget,
  MODEL_DOC_ROOTS,
  MODEL_SECTION_KEYS,
  FILLED_MIN_WORDS,
  modelCompleteness,
  type ModelCompleteness,
  type ModelDescription,
  type ModelSectionKey,
} from '@kehittamo/shared/domain';
import { readModelContent } from '@kehittamo/shared/model-content';
import { CollabDocumentService, CollabStatusComponent, type CollabSession } from '@kehittamo/web/collab';
import { CommentThreadsPanelComponent } from '@kehittamo/web/comments';
import { remote, TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';
import { CompletenessComponent } from '../shared/completeness.component';
import { FIELD_HINT, FIELD_LABEL } from '../shared/field-labels';
import { ModelNavComponent } from '../shared/model-nav.component';
import { ModelDetailsComponent } from './model-details.component';
import { ModelFactsComponent } from './model-facts.component';
import { ModelStructureComponent } from './model-structure.component';
import { ModelCommentContext } from './model-comment-context';
import { RichTextEditorComponent } from './rich-text-editor.component';

/** Live completeness is recomputed at most this often while people type. */
const COMPLETENESS_DELAY_MS = 400;

interface SectionLink {
  id: string;
  label: TranslationKey;
}

/**
 * The model description editor: details from the database (name, phase, work packages,
 * keywords, lock), how complete it is, and the shared document — basic facts, the six
 * Innokylä sections and the structure — which everyone with edit rights writes at the same
 * time. The rich-text editors are made only once the server's copy has arrived (so nothing
 * is written into an empty, not yet synced document) and are read-only without edit rights,
 * when the description is locked, or after the session stopped.
 */
@Component({
  selector: 'kh-model-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    RouterLink,
    TranslatePipe,
    ErrorMessageComponent,
    CollabStatusComponent,
    ModelNavComponent,
    ModelDetailsComponent,
    CompletenessComponent,
    ModelFactsComponent,
    ModelStructureComponent,
    RichTextEditorComponent,
    CommentThreadsPanelComponent,
  ],
  templateUrl: './model-editor.page.html',
  styleUrl: './model-editor.page.scss',
  host: { '(window:beforeunload)': 'warnIfUnsaved($event)' },
  providers: [ModelCommentContext],
})
export class ModelEditorPage {
  private readonly api = inject(ModelDescriptionApi);
  private readonly collab = inject(CollabDocumentService);
  private readonly title = inject(PageTitleStrategy);
  private readonly location = inject(Location);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** Query parameter `?thread=`: a notification's link opens that comment thread. */
  readonly thread = input<string | undefined>(undefined);

  protected readonly model = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });
  protected readonly session = signal<CollabSession | null>(null);
  private readonly liveCompleteness = signal<ModelCompleteness | null>(null);

  protected readonly sectionKeys = MODEL_SECTION_KEYS;
  protected readonly labels = FIELD_LABEL;
  protected readonly hints = FIELD_HINT;
  protected readonly minWords = FILLED_MIN_WORDS;
  protected readonly sectionLinks: SectionLink[] = [
    { id: 'model-details-heading', label: 'modelEditor.detailsHeading' },
    { id: 'model-completeness-heading', label: 'modelEditor.completenessHeading' },
    { id: 'model-facts-heading', label: 'modelEditor.factsHeading' },
    ...MODEL_SECTION_KEYS.map((key) => ({ id: sectionHeadingId(key), label: FIELD_LABEL[key] })),
    { id: 'model-structure-heading', label: 'modelFields.structure' },
  ];

  protected readonly comments = inject(ModelCommentContext);
  protected readonly commentTarget = computed<CommentTarget | null>(() => {
    const model = this.model.value();
    return model ? { kind: 'model', id: model.id, part: null } : null;
  });

  /** Live from the document once it has arrived; the server's projection before that. */
  protected readonly completeness = computed(() => this.liveCompleteness() ?? this.model.value()?.completeness ?? null);
  protected readonly editable = computed(() => {
    const session = this.session();
    const model = this.model.value();
    return !!session && !!model && model.access === 'edit' && session.loaded() && session.canEdit() && !session.stopped();
  });
  protected readonly readOnlyReason = computed<TranslationKey | null>(() => {
    const model = this.model.value();
    if (!model || model.access === 'edit') return null;
    if (model.locked) return 'modelEditor.readOnlyLocked';
    return model.access === 'comment' ? 'modelEditor.readOnlyComment' : 'modelEditor.readOnlyView';
  });

  constructor() {
    effect(() => this.title.setDetail(this.model.value()?.name ?? null));
    effect(() => {
      const thread = this.thread();
      if (thread) untracked(() => this.comments.activeThread.set(thread));
    });
    // One session per document; opened once the description (and so its document name) is known.
    const docName = computed(() => this.model.value()?.doc ?? null);
    effect((onCleanup) => {
      const doc = docName();
      if (!doc) return;
      const session = untracked(() => this.collab.open(doc));
      this.session.set(session);
      onCleanup(() => {
        this.session.set(null);
        this.liveCompleteness.set(null);
        session.close();
      });
    });
    effect((onCleanup) => this.followCompleteness(onCleanup));
    // Rights changed on the server (lock, space access): the session reconnected with new rights; refresh the details too.
    let seenAccess: string | null = null;
    effect(() => {
      const access = this.session()?.access() ?? null;
      if (access && seenAccess && access !== seenAccess) untracked(() => this.model.reload());
      if (access) seenAccess = access;
    });
  }

  protected fragment(session: CollabSession, key: ModelSectionKey) {
    return session.doc.getXmlFragment(MODEL_DOC_ROOTS.section(key));
  }

  protected part(key: ModelSectionKey): string {
    return `section:${key}`;
  }

  protected headingId(key: ModelSectionKey): string {
    return sectionHeadingId(key);
  }

  protected href(id: string): string {
    return `${this.location.prepareExternalUrl(this.location.path())}#${id}`;
  }

  /** Same-page links move focus to the heading (and scroll to it) without a router navigation. */
  protected goTo(event: Event, id: string): void {
    event.preventDefault();
    const heading = document.getElementById(id);
    if (!heading) return;
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  }

  protected onModelChanged(next: ModelDescription): void {
    this.model.update(() => next);
  }

  /** Asks the browser to confirm leaving while changes are only on this device. */
  protected warnIfUnsaved(event: BeforeUnloadEvent): void {
    const session = this.session();
    if (session && session.saveState() !== 'saved') event.preventDefault();
  }

  private followCompleteness(onCleanup: (cleanup: () => void) => void): void {
    const session = this.session();
    if (!session || !session.loaded()) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const compute = () => {
      timer = undefined;
      this.liveCompleteness.set(modelCompleteness(readModelContent(session.doc)));
    };
    const onUpdate = () => {
      timer ??= setTimeout(compute, COMPLETENESS_DELAY_MS);
    };
    untracked(compute);
    session.doc.on('update', onUpdate);
    onCleanup(() => {
      clearTimeout(timer);
      session.doc.off('update', onUpdate);
    });
  }
}

function sectionHeadingId(key: ModelSectionKey): string {
  return `section-${key}-heading`;
}
