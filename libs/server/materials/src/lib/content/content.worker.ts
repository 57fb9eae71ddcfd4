// Worker thread: text extraction and preview rendering of one uploaded file at a time, so that
// parsing a hostile 200 MB PDF never holds the API's event loop (and can be cut off by killing
// the thread). Built as its own entry (apps/api/webpack.config.js); run from source in tests.
import { parentPort } from 'node:worker_threads';
import type { ContentJob, ContentJobResult } from './content-processor';
import { renderPreview } from './preview';
import { extractText } from './text-extraction';

parentPort?.on('message', (job: ContentJob) => {
  void run(job).then((result) => parentPort?.postMessage(result));
});

async function run({ id, path, format }: ContentJob): Promise<ContentJobResult> {
  try {
    const text = await extractText(path, format);
    const preview = await renderPreview(path, format);
    // Copied, not transferred: the structured clone arrives as a Uint8Array (see ContentProcessor).
    return { id, text, preview };
  } catch (error) {
    return { id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
