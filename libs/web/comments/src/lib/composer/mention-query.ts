/** An `@word` being typed: where its `@` is and the letters after it. */
export interface MentionQuery {
  /** Offset of the `@` in the text. */
  start: number;
  query: string;
}

/** Longest name start that is still searched for; after that the `@` was probably not a mention. */
const QUERY_MAX = 40;

/**
 * The mention being typed just before the caret, or null. The `@` must start the text or follow
 * a space or an opening bracket, so e-mail addresses (`nimi@esimerkki.fi`) never open the list;
 * a finished mention token (`@[Name](user:…)`) does not either.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = new RegExp(`(?:^|[\\s(])@([^\\s@\\[\\]()]{0,${QUERY_MAX}})$`, 'u').exec(before);
  if (!match) return null;
  const query = match[1];
  return { start: caret - query.length - 1, query };
}
