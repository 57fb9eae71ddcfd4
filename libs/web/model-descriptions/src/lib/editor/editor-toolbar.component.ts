import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { Editor } from '@tiptap/core';
import { TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { isAllowedLink, withDefaultScheme } from './tiptap-extensions';

interface ToolbarAction {
  id: string;
  label: TranslationKey;
  /** A short decorative glyph; the label is the accessible name. */
  icon: string;
  /** Toggle buttons say whether the format is on (aria-pressed). */
  active?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
  /** Shown only while the cursor is in a table. */
  inTable?: boolean;
}

let nextId = 0;

/**
 * Formatting buttons for one rich-text editor, as an ARIA toolbar: one Tab stop, arrow keys
 * (and Home/End) move between buttons, Enter or Space presses one. Toggle buttons carry
 * aria-pressed. After a button is used, focus returns to the text, where typing continues
 * with the new format. The usual keyboard shortcuts (Ctrl+B, Ctrl+I …) work in the text too.
 */
@Component({
  selector: 'kh-editor-toolbar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  template: `
    <div
      class="kh-toolbar"
      role="toolbar"
      [attr.aria-label]="'editorToolbar.label' | t: { field: field() }"
      [attr.aria-controls]="controls()"
    >
      @for (action of visibleActions(); track action.id; let i = $index) {
        <button
          #button
          type="button"
          class="kh-toolbar__button"
          [attr.data-testid]="'toolbar-' + action.id"
          [attr.tabindex]="i === tabStop() ? 0 : -1"
          [attr.aria-pressed]="action.active ? action.pressed : null"
          [attr.aria-expanded]="action.id === 'link' ? linkOpen() : null"
          [attr.aria-controls]="action.id === 'link' && linkOpen() ? linkFormId : null"
          [title]="action.label | t"
          (focus)="focusIndex.set(i)"
          (keydown)="onKeydown($event, i)"
          (mousedown)="$event.preventDefault()"
          (click)="press(action)"
        >
          <span class="kh-toolbar__icon" aria-hidden="true">{{ action.icon }}</span>
          <span class="kh-visually-hidden">{{ action.label | t }}</span>
        </button>
      }
    </div>
    @if (linkOpen()) {
      <form class="kh-link-form" novalidate [id]="linkFormId" (submit)="applyLink($event)" (keydown.escape)="closeLink()">
        <label [for]="linkFormId + '-url'">{{ 'editorToolbar.linkUrl' | t }}</label>
        <input
          #linkInput
          type="url"
          inputmode="url"
          autocomplete="url"
          data-testid="link-url"
          [id]="linkFormId + '-url'"
          [value]="linkUrl()"
          [attr.aria-describedby]="linkFormId + '-hint' + (linkError() ? ' ' + linkFormId + '-error' : '')"
          [attr.aria-invalid]="linkError() ? 'true' : null"
          (input)="linkUrl.set($any($event.target).value)"
        />
        <p class="kh-muted kh-link-form__hint" [id]="linkFormId + '-hint'">{{ 'editorToolbar.linkHint' | t }}</p>
        @if (linkError()) {
          <p class="kh-link-form__error" [id]="linkFormId + '-error'">{{ 'editorToolbar.linkInvalid' | t }}</p>
        }
        <div class="kh-form-actions">
          <button matButton="filled" type="submit" data-testid="link-apply">{{ 'editorToolbar.linkApply' | t }}</button>
          @if (inLink()) {
            <button matButton="outlined" type="button" (click)="removeLink()">{{ 'editorToolbar.linkRemove' | t }}</button>
          }
          <button matButton="outlined" type="button" (click)="closeLink()">{{ 'common.cancel' | t }}</button>
        </div>
      </form>
    }
  `,
  styles: `
    .kh-toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      padding: 0.25rem;
      border: 1px solid var(--mat-sys-outline);
      border-bottom: none;
      border-radius: 8px 8px 0 0;
      background: var(--mat-sys-surface-container);
    }
    .kh-toolbar__button {
      min-width: 44px;
      min-height: 44px;
      border: 1px solid transparent;
      border-radius: 6px;
      background: transparent;
      color: var(--mat-sys-on-surface);
      font: inherit;
      font-weight: 700;
      cursor: pointer;
    }
    .kh-toolbar__button:hover {
      border-color: var(--mat-sys-outline);
    }
    /* Pressed is shown by a frame and a fill, and announced by aria-pressed: not by colour alone. */
    .kh-toolbar__button[aria-pressed='true'] {
      border: 2px solid var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .kh-toolbar__button:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    .kh-link-form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 0.75rem;
      border: 1px solid var(--mat-sys-outline);
      border-bottom: none;
      background: var(--mat-sys-surface-container-low);
    }
    .kh-link-form label {
      font-weight: 600;
    }
    .kh-link-form input {
      min-height: 44px;
      padding: 0 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      font: inherit;
    }
    .kh-link-form__hint,
    .kh-link-form__error {
      margin: 0;
    }
    .kh-link-form__error {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class EditorToolbarComponent {
  private readonly injector = inject(Injector);

  readonly editor = input.required<Editor>();
  /** Changes on every editor transaction, so pressed states follow the cursor. */
  readonly tick = input.required<number>();
  /** The field's name, for the toolbar's label ("Formatting: Basic idea"). */
  readonly field = input.required<string>();
  /** The id of the editable element. */
  readonly controls = input<string | null>(null);
  readonly headingLevel = input<2 | 3 | 4>(3);

  protected readonly linkFormId = `kh-link-form-${nextId++}`;
  protected readonly focusIndex = signal(0);
  protected readonly linkOpen = signal(false);
  protected readonly linkUrl = signal('');
  protected readonly linkError = signal(false);
  private readonly buttons = viewChildren<ElementRef<HTMLButtonElement>>('button');
  private readonly linkInput = viewChild<ElementRef<HTMLInputElement>>('linkInput');

  private readonly actions: ToolbarAction[] = [
    { id: 'bold', label: 'editorToolbar.bold', icon: 'B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
    { id: 'italic', label: 'editorToolbar.italic', icon: 'I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
    {
      id: 'heading',
      label: 'editorToolbar.heading',
      icon: 'H',
      active: (e) => e.isActive('heading'),
      run: (e) => e.chain().focus().toggleHeading({ level: this.headingLevel() }).run(),
    },
    { id: 'bulletList', label: 'editorToolbar.bulletList', icon: '•', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
    { id: 'orderedList', label: 'editorToolbar.orderedList', icon: '1.', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
    { id: 'link', label: 'editorToolbar.link', icon: '🔗', active: (e) => e.isActive('link'), run: () => this.openLink() },
    { id: 'table', label: 'editorToolbar.table', icon: '▦', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { id: 'addRow', label: 'editorToolbar.addRow', icon: '+', inTable: true, run: (e) => e.chain().focus().addRowAfter().run() },
    { id: 'deleteTable', label: 'editorToolbar.deleteTable', icon: '✕', inTable: true, run: (e) => e.chain().focus().deleteTable().run() },
  ];

  protected readonly visibleActions = computed(() => {
    this.tick();
    const editor = this.editor();
    const inTable = editor.isActive('table');
    return this.actions
      .filter((action) => !action.inTable || inTable)
      .map((action) => ({ ...action, pressed: action.active?.(editor) ?? false }));
  });

  /** The button that takes the toolbar's single Tab stop (the last one focused, kept in range when table buttons go). */
  protected readonly tabStop = computed(() => Math.min(this.focusIndex(), this.visibleActions().length - 1));

  protected readonly inLink = computed(() => {
    this.tick();
    return this.editor().isActive('link');
  });

  protected press(action: ToolbarAction): void {
    action.run(this.editor());
  }

  protected onKeydown(event: KeyboardEvent, current: number): void {
    const count = this.visibleActions().length;
    const next =
      event.key === 'ArrowRight' ? (current + 1) % count
      : event.key === 'ArrowLeft' ? (current - 1 + count) % count
      : event.key === 'Home' ? 0
      : event.key === 'End' ? count - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    this.focusIndex.set(next);
    this.buttons()[next]?.nativeElement.focus();
  }

  private openLink(): void {
    const editor = this.editor();
    this.linkUrl.set((editor.getAttributes('link')['href'] as string | undefined) ?? '');
    this.linkError.set(false);
    this.linkOpen.set(true);
    afterNextRender(() => this.linkInput()?.nativeElement.focus(), { injector: this.injector });
  }

  protected applyLink(event: Event): void {
    event.preventDefault();
    const href = withDefaultScheme(this.linkUrl());
    if (!href) {
      this.removeLink();
      return;
    }
    if (!isAllowedLink(href)) {
      this.linkError.set(true);
      this.linkInput()?.nativeElement.focus();
      return;
    }
    const editor = this.editor();
    if (editor.state.selection.empty && !editor.isActive('link')) {
      editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    this.linkOpen.set(false);
  }

  protected removeLink(): void {
    this.editor().chain().focus().extendMarkRange('link').unsetLink().run();
    this.linkOpen.set(false);
  }

  protected closeLink(): void {
    this.linkOpen.set(false);
    this.editor().commands.focus();
  }
}
