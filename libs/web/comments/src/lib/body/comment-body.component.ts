import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { parseCommentBody, type CommentInline } from '@kehittamo/shared/domain';

/**
 * The only addresses that become links: absolute http(s) URLs. Anything else (javascript:, data:,
 * relative paths, and also mailto:, which the format allows) is shown as its link text. The parser should already refuse them; this is
 * the second lock on the same door.
 */
export function safeLinkHref(href: string): string | null {
  const trimmed = href.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : null;
  } catch {
    return null;
  }
}

/** Inline nodes, rendering itself for bold, italic and link children. */
@Component({
  selector: 'kh-comment-inlines',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- Text sits alone in its container so that the template's own line breaks add no spaces. -->
    @for (node of nodes(); track $index) {
      @switch (node.type) {
        @case ('text') {
          <ng-container>{{ node.text }}</ng-container>
        }
        @case ('bold') {
          <strong><kh-comment-inlines [nodes]="node.children" /></strong>
        }
        @case ('italic') {
          <em><kh-comment-inlines [nodes]="node.children" /></em>
        }
        @case ('link') {
          @if (href(node.href); as href) {
            <a [href]="href" rel="noopener noreferrer nofollow ugc" target="_blank"
              ><kh-comment-inlines [nodes]="node.children"
            /></a>
          } @else {
            <kh-comment-inlines [nodes]="node.children" />
          }
        }
        @case ('mention') {
          <span class="kh-mention">&#64;{{ node.name }}</span>
        }
        @case ('break') {
          <br />
        }
      }
    }
  `,
  styles: `
    .kh-mention {
      padding: 0 0.25rem;
      border-radius: 4px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font-weight: 600;
    }
  `,
})
export class CommentInlinesComponent {
  readonly nodes = input.required<readonly CommentInline[]>();
  protected readonly href = safeLinkHref;
}

/**
 * A comment's text, from its source in the comment body format. Built only from Angular
 * templates (text interpolation and an `[href]` binding), never from HTML strings: whatever
 * someone types, such as `<script>`, is shown as text.
 */
@Component({
  selector: 'kh-comment-body',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CommentInlinesComponent],
  template: `
    @for (block of blocks(); track $index) {
      @if (block.type === 'paragraph') {
        <p><kh-comment-inlines [nodes]="block.children" /></p>
      } @else {
        <ul>
          @for (item of block.items; track $index) {
            <li><kh-comment-inlines [nodes]="item" /></li>
          }
        </ul>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      overflow-wrap: anywhere;
    }
    p,
    ul {
      margin: 0 0 0.5rem;
    }
    :host > :last-child {
      margin-bottom: 0;
    }
  `,
})
export class CommentBodyComponent {
  /** Source text of the comment. */
  readonly source = input.required<string>();
  protected readonly blocks = computed(() => parseCommentBody(this.source()));
}
