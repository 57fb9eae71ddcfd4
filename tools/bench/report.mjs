// Writing a benchmark's Markdown report while keeping its hand-written reading of the figures.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const NOTES_HEADING = '## Reading these figures';

/** Writes `generated` to `file`, followed by the file's previous text from NOTES_HEADING on, if it had one. */
export function writeReport(file, generated) {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const notes = previous.includes(NOTES_HEADING) ? `\n${previous.slice(previous.indexOf(NOTES_HEADING))}` : '';
  writeFileSync(file, generated + notes);
}
