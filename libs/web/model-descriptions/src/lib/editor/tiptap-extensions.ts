import type { Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { isSafeHref } from '@kehittamo/shared/domain';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * Link schemes the editor accepts (plus same-site paths); anything else (javascript:, data:, …)
 * is refused, as the collaboration server does (it would close the connection otherwise).
 */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto', 'tel'] as const;

/** True for http(s), mailto and tel links and same-site paths: the server's `isSafeHref`, plus Tiptap's own check. */
export function isAllowedLink(url: string, defaultValidate: (url: string) => boolean = () => true): boolean {
  if (!isSafeHref(url)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  return (scheme === undefined || (LINK_PROTOCOLS as readonly string[]).includes(scheme)) && defaultValidate(url);
}

/** "innokyla.fi/x" → "https://innokyla.fi/x": what people usually type; anything with a scheme or a path is left alone. */
export function withDefaultScheme(url: string): string {
  const trimmed = url.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('/') || !/^[^\s/]+\.[^\s/]+/.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** What a collaborative editor needs: the shared fragment, the session's awareness and how this user is shown. */
export interface CollabBinding {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /** Only shown locally: the server replaces every awareness `user` with the one from the session. */
  user: { name: string; color: string };
}

/**
 * The editor's schema is the model description's (RICH_NODE_TYPES, RICH_MARK_TYPES): no code
 * blocks, and no trailing-node plugin — it appends a paragraph on every client whenever a
 * document ends in a table, which would write to a read-only user's copy and duplicate
 * paragraphs between editors.
 */
export function modelEditorExtensions(collab: CollabBinding | null): Extensions {
  const extensions: Extensions = [
    StarterKit.configure({
      // Collaboration brings its own per-user undo (y-undo): ProseMirror's history would undo other people's typing.
      undoRedo: collab ? false : undefined,
      codeBlock: false,
      trailingNode: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        // No extra linkify schemes: http, https and mailto are built in, and registering schemes
        // again warns on every editor made later (new structure parts) and is undone globally
        // when any editor is destroyed. Which links are allowed is decided by isAllowedUri.
        protocols: [],
        isAllowedUri: (url, ctx) => isAllowedLink(url, ctx.defaultValidate),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    // Column resizing is mouse-only; without it tables stay plain and keyboard-friendly.
    TableKit.configure({ table: { resizable: false } }),
  ];
  if (collab) {
    extensions.push(
      Collaboration.configure({ fragment: collab.fragment }),
      CollaborationCaret.configure({
        // The caret extension wants a provider-like object; only its `awareness` is used.
        provider: { awareness: collab.awareness },
        user: collab.user,
        render: renderCaret,
      }),
    );
  }
  return extensions;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * Another person's caret: a coloured bar with their display name above it. The server's
 * colours all have at least 4.5:1 contrast with white text. Hidden from screen readers (the
 * names would be read in the middle of the text); who is here is in the collab status.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const colour = typeof user['color'] === 'string' && HEX_COLOUR.test(user['color']) ? user['color'] : '#4a4a8c';
  const caret = document.createElement('span');
  caret.className = 'kh-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.setAttribute('data-testid', 'collab-caret');
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'kh-caret__label';
  label.style.backgroundColor = colour;
  label.textContent = typeof user['name'] === 'string' ? user['name'] : '';
  caret.append('\u2060', label, '\u2060');
  return caret;
}
