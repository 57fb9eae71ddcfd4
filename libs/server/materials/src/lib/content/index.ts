export { HEAD_BYTES, classifyZip, detectFileFormat, sniffHead } from './file-format';
export { ContentExtractionError, extractText } from './text-extraction';
export { MAX_IMAGE_PIXELS, PREVIEW_MAX_SIDE, excerptOf, renderPreview } from './preview';
export { ContentProcessor, type ContentProcessorOptions, type ContentResult } from './content-processor';
export { scanFile, type ClamdOptions, type ScanResult } from './clamav';
