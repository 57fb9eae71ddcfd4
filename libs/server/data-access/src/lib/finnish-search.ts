/**
 * Finnish full-text search shared by the features that search (model descriptions, materials).
 *
 * The Finnish stemmer gives the -us/-ys nouns a stem per consonant grade ("vanhemmuus",
 * "vanhemmuuden" → vanhemmuud, "vanhemmuutta" → vanhemmuut, "luottamuksen" → luottamuks), so
 * such stems in the query become prefixes that match them all: 'vanhemmuud' → 'vanhemmuu':*,
 * 'luottamuks' → 'luottamu':*. `$q` is replaced by the caller's parameter placeholder.
 */
export const FINNISH_QUERY = String.raw`regexp_replace(websearch_to_tsquery('finnish', $q)::text, '''([^'']{4,}[uy])(?:[sdt]|ks)''', '''\1'':*', 'g')::tsquery`;

/** The tsquery expression for the search text bound at `placeholder` (e.g. `$3`). */
export function finnishQuery(placeholder: string): string {
  return FINNISH_QUERY.replace('$q', placeholder);
}

/** Matches in search snippets are wrapped in these (characters no text contains). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** `ts_headline` options that mark matches with MATCH_START/MATCH_END. */
export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** A headline split into plain and matching parts (the web app renders matches as <mark>). */
export function snippetParts(headline: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  for (const piece of headline.split(MATCH_START)) {
    const end = piece.indexOf(MATCH_END);
    if (end >= 0) {
      parts.push({ text: piece.slice(0, end), match: true });
      if (end + 1 < piece.length) parts.push({ text: piece.slice(end + 1), match: false });
    } else if (piece) parts.push({ text: piece, match: false });
  }
  return parts;
}

/**
 * SQL for a ~600-character window of `textColumn` around the first place a word of the tsquery
 * occurs, for ts_headline: over a whole long text it would cost milliseconds a hit.
 */
export function passageAround(textColumn: string, tsquery: string): string {
  return `(SELECT substring(coalesce(${textColumn}, '') FROM greatest(1, coalesce(min(least(nullif(strpos(${textColumn}, word), 0), nullif(strpos(${textColumn}, initcap(word)), 0))), 1) - 150) FOR 600)
            FROM unnest(ARRAY(SELECT (regexp_matches((${tsquery})::text, '''([^'']+)''', 'g'))[1])) AS word)`;
}
