/**
 * The comment body format: a small Markdown subset, stored as its source text and rendered from
 * the parsed tree (never as HTML). IMPLEMENTATION PENDING (helper A).
 */

export type CommentInline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: CommentInline[] }
  | { type: 'italic'; children: CommentInline[] }
  | { type: 'link'; href: string; children: CommentInline[] }
  | { type: 'mention'; userId: string; name: string }
  | { type: 'break' };

export type CommentBlock =
  | { type: 'paragraph'; children: CommentInline[] }
  | { type: 'list'; items: CommentInline[][] };

/** The token a mention is written as in the source: `@[Display name](user:<uuid>)`. */
export function mentionToken(user: { id: string; displayName: string }): string {
  return `@[${user.displayName.replace(/[[\]]/g, '')}](user:${user.id})`;
}

export function parseCommentBody(source: string): CommentBlock[] {
  return source.length === 0 ? [] : [{ type: 'paragraph', children: [{ type: 'text', text: source }] }];
}

/** English problems with the source (empty when it is acceptable). */
export function commentBodyProblems(source: string): string[] {
  return source.trim().length === 0 ? ['must not be empty'] : [];
}

/** Ids of the users mentioned, each once, in order of first mention. */
export function commentMentionIds(source: string): string[] {
  return [...new Set([...source.matchAll(/@\[[^\]]*\]\(user:([0-9a-f-]{36})\)/g)].map((m) => m[1]))];
}

/** The text without formatting: for search, excerpts and e-mail. */
export function commentPlainText(source: string): string {
  return source;
}
