import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import type { CommentAnchor, RichDoc } from '@kehittamo/shared/domain';
import type { CollabSession } from '@kehittamo/web/collab';
import { AuthStore } from '@kehittamo/web/core';
import { Editor, type JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';
import {
  type CommentAnchorHighlight,
  CommentAnchors,
  commentAnchorsPluginKey,
  focusCommentAnchor,
  selectionCommentAnchor,
} from './comment-anchors';
import { EditorToolbarComponent } from './editor-toolbar.component';
import { modelEditorExtensions } from './tiptap-extensions';
import { ModelCommentContext } from './model-comment-context';

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
 *
 * Comments (collaborative mode only): `commentAnchors` are highlighted in the text and follow
 * everyone's edits; `selectionAnchorChange` / `currentSelectionAnchor()` give the anchor for the
 * selected text (it survives focus moving to a "Comment" button, so keyboard users can comment
 * a selection made with Shift+arrows); `focusCommentAnchor()` selects a thread's text.
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
  /** Threads to highlight in the text (collaborative mode). */
  readonly commentAnchors = input<readonly CommentAnchorHighlight[]>([]);
  /** The thread shown in the comments panel: its highlight is stronger. */
  readonly activeCommentThreadId = input<string | null>(null);
  /** A highlight was clicked: its thread's id. */
  readonly commentAnchorClick = output<string>();
  /** The anchor for the selected text whenever the selection changes (null: nothing to comment). At most once a frame. */
  readonly selectionAnchorChange = output<CommentAnchor | null>();

  protected readonly editorId = `kh-rich-text-${nextId++}`;
  protected readonly editor = signal<Editor | null>(null);
  /** Bumped on every transaction so the toolbar's pressed states follow the selection. */
  protected readonly tick = signal(0);
  /** Whether the editor is bound to Yjs (and so has the comment anchors). */
  private collaborative = false;
  private selectionFrame: number | null = null;
  private lastSelectionAnchor: CommentAnchor | null = null;

  constructor() {
    afterNextRender(() => this.create());
    // Inside the model editor: "Show in the text" can find this editor's comment ranges.
    const unregister = inject(ModelCommentContext, { optional: true })?.register(this);
    inject(DestroyRef).onDestroy(() => {
      unregister?.();
      if (this.selectionFrame !== null) cancelFrame(this.selectionFrame);
      this.selectionFrame = null;
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
    effect(() => {
      const editor = this.editor();
      const anchors = this.commentAnchors();
      const active = this.activeCommentThreadId();
      if (!editor || editor.isDestroyed || !this.collaborative) return;
      // Nothing to clear: spare every editor on the page a transaction.
      const current = commentAnchorsPluginKey.getState(editor.state);
      if (anchors.length === 0 && current?.anchors.length === 0 && current.activeThreadId === active) return;
      untracked(() => editor.commands.setCommentAnchors(anchors, active));
    });
  }

  /** The anchor for the selected text now (null: no text selected, or not collaborative). */
  currentSelectionAnchor(): CommentAnchor | null {
    const editor = this.editor();
    return editor && this.collaborative ? selectionCommentAnchor(editor) : null;
  }

  /** Selects a highlighted thread's text, scrolls it into view and focuses the text; false when it has no highlight. */
  focusCommentAnchor(threadId: string): boolean {
    const editor = this.editor();
    return editor && this.collaborative ? focusCommentAnchor(editor, threadId) : false;
  }

  private create(): void {
    const fragment = this.fragment();
    const session = this.session();
    const me = this.auth.me();
    const collab =
      fragment && session
        ? { fragment, awareness: session.awareness, user: { name: me?.displayName ?? '', color: '#0b57d0' } }
        : null;
    this.collaborative = collab !== null;
    const extensions = modelEditorExtensions(collab);
    if (collab) extensions.push(CommentAnchors.configure({ onAnchorClick: (threadId) => this.commentAnchorClick.emit(threadId) }));
    const editor = new Editor({
      element: this.host().nativeElement,
      extensions,
      editable: collab !== null && this.editable(),
      content: collab ? undefined : ((this.content() ?? { type: 'doc' }) as JSONContent),
      // A plain object: Tiptap spreads it into the view's attributes (a function would be lost).
      editorProps: { attributes: this.attributes() },
      onTransaction: ({ transaction }) => {
        this.tick.update((n) => n + 1);
        if (this.collaborative && (transaction.selectionSet || transaction.docChanged)) this.scheduleSelectionAnchor();
      },
    });
    this.editor.set(editor);
  }

  /** Emits `selectionAnchorChange` once per frame at most, and only when the anchor changed. */
  private scheduleSelectionAnchor(): void {
    if (this.selectionFrame !== null) return;
    this.selectionFrame = requestFrame(() => {
      this.selectionFrame = null;
      const anchor = this.currentSelectionAnchor();
      const last = this.lastSelectionAnchor;
      if (anchor === last || (anchor && last && anchor.start === last.start && anchor.end === last.end && anchor.quote === last.quote)) return;
      this.lastSelectionAnchor = anchor;
      this.selectionAnchorChange.emit(anchor);
    });
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

function requestFrame(callback: () => void): number {
  return typeof requestAnimationFrame === 'function' ? requestAnimationFrame(callback) : (setTimeout(callback, 16) as unknown as number);
}

function cancelFrame(handle: number): void {
  if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(handle);
  else clearTimeout(handle);
}
