import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import type { RichDoc } from '@kehittamo/shared/domain';
import type { CollabSession } from '@kehittamo/web/collab';
import { AuthStore } from '@kehittamo/web/core';
import { Editor, type JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';
import { EditorToolbarComponent } from './editor-toolbar.component';
import { modelEditorExtensions } from './tiptap-extensions';

let nextId = 0;

/**
 * One rich-text field of a model description, in Tiptap.
 *
 * - Collaborative: give `fragment` (a Y.XmlFragment of the session's document) and `session`;
 *   the text is shared live, others' carets show their display names, undo is per user.
 * - Static: give `content` (RichDoc JSON), e.g. an old version; always read-only.
 *
 * The Tiptap editor is made after the first render (it needs its element), from the
 * session's existing Y.Doc, and destroyed with the component. The editable element is a
 * `role="textbox"` multi-line field named by `labelledBy` (the section heading).
 */
@Component({
  selector: 'kh-rich-text-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Tiptap renders the text itself, outside Angular's templates: the styles must be global (all prefixed kh-).
  encapsulation: ViewEncapsulation.None,
  imports: [EditorToolbarComponent],
  template: `
    <div class="kh-rich-text" [class.kh-rich-text--readonly]="!editable()">
      @if (editor(); as editor) {
        @if (editable()) {
          <kh-editor-toolbar
            [editor]="editor"
            [tick]="tick()"
            [field]="label()"
            [controls]="editorId"
            [headingLevel]="headingLevel()"
          />
        }
      }
      <div #host class="kh-rich-text__host"></div>
    </div>
  `,
  styleUrl: './rich-text-editor.component.scss',
})
export class RichTextEditorComponent {
  private readonly auth = inject(AuthStore);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');

  /** The shared fragment to edit (collaborative mode). */
  readonly fragment = input<Y.XmlFragment | null>(null);
  /** The session the fragment belongs to: its awareness carries the carets. */
  readonly session = input<CollabSession | null>(null);
  /** Fixed content (static mode, always read-only). */
  readonly content = input<RichDoc | null>(null);
  readonly editable = input(false);
  /** Id of the visible heading that names the field. */
  readonly labelledBy = input.required<string>();
  /** Id of a hint under the heading. */
  readonly describedBy = input<string | null>(null);
  /** The field's name, for the toolbar's label. */
  readonly label = input.required<string>();
  /** Level of the subheadings the toolbar makes (one below the field's own heading). */
  readonly headingLevel = input<2 | 3 | 4>(3);
  readonly testId = input<string | null>(null);

  protected readonly editorId = `kh-rich-text-${nextId++}`;
  protected readonly editor = signal<Editor | null>(null);
  /** Bumped on every transaction so the toolbar's pressed states follow the selection. */
  protected readonly tick = signal(0);

  constructor() {
    afterNextRender(() => this.create());
    inject(DestroyRef).onDestroy(() => {
      this.editor()?.destroy();
      this.editor.set(null);
    });
    effect(() => {
      const editor = this.editor();
      const editable = this.editable() && this.fragment() !== null;
      if (!editor || editor.isDestroyed || editor.isEditable === editable) return;
      // Tiptap copies `attributes` once at creation; pass them again so aria-readonly follows.
      untracked(() => editor.setOptions({ editable, editorProps: { attributes: this.attributes() } }));
    });
    effect(() => {
      const editor = this.editor();
      const content = this.content();
      if (!editor || editor.isDestroyed || this.fragment() || !content) return;
      untracked(() => editor.commands.setContent(content as JSONContent, { emitUpdate: false }));
    });
  }

  private create(): void {
    const fragment = this.fragment();
    const session = this.session();
    const me = this.auth.me();
    const collab =
      fragment && session
        ? { fragment, awareness: session.awareness, user: { name: me?.displayName ?? '', color: '#0b57d0' } }
        : null;
    const editor = new Editor({
      element: this.host().nativeElement,
      extensions: modelEditorExtensions(collab),
      editable: collab !== null && this.editable(),
      content: collab ? undefined : ((this.content() ?? { type: 'doc' }) as JSONContent),
      // A plain object: Tiptap spreads it into the view's attributes (a function would be lost).
      editorProps: { attributes: this.attributes() },
      onTransaction: () => this.tick.update((n) => n + 1),
    });
    this.editor.set(editor);
  }

  private attributes(): Record<string, string> {
    const attributes: Record<string, string> = {
      id: this.editorId,
      class: 'kh-prose',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': this.labelledBy(),
      'aria-readonly': String(!this.editable() || this.fragment() === null),
      spellcheck: 'true',
    };
    const describedBy = this.describedBy();
    if (describedBy) attributes['aria-describedby'] = describedBy;
    const testId = this.testId();
    if (testId) attributes['data-testid'] = testId;
    return attributes;
  }
}
