import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Embedded images larger than this (pixels) are not decoded: a tiny PDF can declare a huge one. */
export const PDF_MAX_IMAGE_PIXELS = 40_000_000;

let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js ships only as an ES module. A dynamic import() works everywhere this code runs:
 * natively under Vitest; as require() of an ES module (Node ≥ 20.19) when swc or webpack
 * (pdfjs-dist stays an external of the api bundle) turns it into CommonJS. The legacy build is
 * the one meant for Node. In Node pdf.js runs its "worker" on the calling thread — here that is
 * already the content worker — and finds @napi-rs/canvas (its own dependency) for rendering.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * Opens a PDF from its bytes with everything that could run or fetch something turned off:
 * no eval, no font loading into the (absent) DOM, no system fonts; the standard fonts, CMaps
 * and decoders come from the pdfjs-dist package on disk.
 */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const resources = pdfjsResources();
  const task = getDocument({
    data,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    enableXfa: false,
    maxImageSize: PDF_MAX_IMAGE_PIXELS,
    // Warnings about broken files would go to the console; a hostile file can produce many.
    verbosity: VerbosityLevel.ERRORS,
    ...resources,
  });
  return task.promise;
}

/** True for the error pdf.js gives for an encrypted PDF without its password. */
export function isPasswordError(error: unknown): boolean {
  return error instanceof Error && error.name === 'PasswordException';
}

let resources: { standardFontDataUrl?: string; cMapUrl?: string; wasmUrl?: string } | null = null;

/**
 * Folders of pdfjs-dist's data files (in Node these "URLs" are paths read with fs). Without the
 * standard fonts, text in the 14 base fonts (Helvetica …) would be drawn in a wrong fallback.
 * Found from the running script: webpack leaves no usable __dirname for node_modules lookups.
 */
function pdfjsResources(): { standardFontDataUrl?: string; cMapUrl?: string; wasmUrl?: string } {
  if (resources) return resources;
  resources = {};
  for (const base of [process.argv[1], join(process.cwd(), 'index.js')]) {
    try {
      if (!base) continue;
      const root = dirname(createRequire(base).resolve('pdfjs-dist/package.json'));
      resources = {
        standardFontDataUrl: join(root, 'standard_fonts') + '/',
        cMapUrl: join(root, 'cmaps') + '/',
        wasmUrl: join(root, 'wasm') + '/',
      };
      break;
    } catch {
      // try the next place
    }
  }
  return resources;
}
