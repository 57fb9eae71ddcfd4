import type { IsoDateTime } from './contracts';

/**
 * The peer-learning material library (vertaisoppiminen): uploaded files, links and short notes
 * that the regions share in a space, findable by Finnish full-text search (including the text
 * inside PDF, DOCX, PPTX and ODF files) and gathered into ordered collections ("learning paths").
 */

export const MATERIAL_KINDS = ['file', 'link', 'note'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const MATERIAL_TYPES = ['guide', 'slides', 'measure', 'experiment-report', 'recording', 'other'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

/** The language of the material itself (not of the UI). */
export const MATERIAL_LANGUAGES = ['fi', 'sv', 'en', 'other'] as const;
export type MaterialLanguage = (typeof MATERIAL_LANGUAGES)[number];

export type FileFamily = 'document' | 'spreadsheet' | 'presentation' | 'image' | 'audio' | 'video';

/**
 * The allow-list of file formats, recognised by their content (magic bytes and, for the
 * zip-based office formats, the container's entries) — never by the name or the browser's type.
 * SVG and HTML are not on it: they can carry scripts.
 */
export const FILE_FORMATS = {
  pdf: { mime: 'application/pdf', extension: 'pdf', family: 'document', text: true },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', family: 'document', text: true },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', family: 'presentation', text: true },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', family: 'spreadsheet', text: false },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extension: 'odt', family: 'document', text: true },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', extension: 'odp', family: 'presentation', text: true },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods', family: 'spreadsheet', text: false },
  png: { mime: 'image/png', extension: 'png', family: 'image', text: false },
  jpeg: { mime: 'image/jpeg', extension: 'jpg', family: 'image', text: false },
  gif: { mime: 'image/gif', extension: 'gif', family: 'image', text: false },
  webp: { mime: 'image/webp', extension: 'webp', family: 'image', text: false },
  mp3: { mime: 'audio/mpeg', extension: 'mp3', family: 'audio', text: false },
  m4a: { mime: 'audio/mp4', extension: 'm4a', family: 'audio', text: false },
  ogg: { mime: 'audio/ogg', extension: 'ogg', family: 'audio', text: false },
  wav: { mime: 'audio/wav', extension: 'wav', family: 'audio', text: false },
  mp4: { mime: 'video/mp4', extension: 'mp4', family: 'video', text: false },
  mov: { mime: 'video/quicktime', extension: 'mov', family: 'video', text: false },
  webm: { mime: 'video/webm', extension: 'webm', family: 'video', text: false },
} as const satisfies Record<string, { mime: string; extension: string; family: FileFamily; text: boolean }>;
export type FileFormat = keyof typeof FILE_FORMATS;
export const FILE_FORMAT_KEYS = Object.keys(FILE_FORMATS) as FileFormat[];

/** What the `accept` attribute of a file picker offers (the server decides by content anyway). */
export const MATERIAL_ACCEPT = [
  ...new Set(FILE_FORMAT_KEYS.flatMap((f) => [`.${FILE_FORMATS[f].extension}`, FILE_FORMATS[f].mime])),
  '.jpeg',
].join(',');

/**
 * `pending`: waiting for the virus scan (only when a scanner is configured) — not downloadable yet;
 * `clean`: available; `rejected`: the scanner found something, the file was deleted.
 */
export const MATERIAL_FILE_STATUSES = ['pending', 'clean', 'rejected'] as const;
export type MaterialFileStatus = (typeof MATERIAL_FILE_STATUSES)[number];

/** Text extraction and preview rendering run in a background job after the upload. */
export const MATERIAL_PROCESSING_STATES = ['pending', 'done', 'failed', 'none'] as const;
export type MaterialProcessingState = (typeof MATERIAL_PROCESSING_STATES)[number];

export const MATERIAL_LIMITS = {
  titleMax: 200,
  descriptionMax: 4000,
  /** A note's Markdown body (the comment-body subset). */
  noteMax: 20_000,
  urlMax: 2000,
  filenameMax: 255,
  tagMax: 40,
  tagsMax: 20,
  collectionTitleMax: 200,
  collectionDescriptionMax: 2000,
  collectionItemsMax: 200,
  /** Default upload limit; the server's MATERIAL_MAX_BYTES overrides it (see PublicConfig). */
  defaultMaxBytes: 200 * 1024 * 1024,
  /** Characters of extracted text kept for search and the excerpt. */
  extractedTextMax: 1_000_000,
  excerptMax: 400,
} as const;

/** One stored version of an uploaded file (replacing a file keeps the earlier ones). */
export interface MaterialFileVersion {
  id: string;
  /** 1, 2, … in upload order. */
  version: number;
  /** The uploader's name for the file, cleaned; only ever shown and used in Content-Disposition. */
  filename: string;
  format: FileFormat;
  mime: string;
  size: number;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
  status: MaterialFileStatus;
  /** Text extraction and preview state of this version. */
  processing: MaterialProcessingState;
  hasPreview: boolean;
  uploadedBy: { id: string | null; displayName: string };
  uploadedAt: IsoDateTime;
}

export interface MaterialUsage {
  views: number;
  downloads: number;
  /** How many people marked it useful (never who). */
  useful: number;
}

export interface MaterialSummary {
  id: string;
  spaceId: string;
  spaceName: string;
  kind: MaterialKind;
  title: string;
  description: string;
  tags: string[];
  workPackages: string[];
  organisationId: string | null;
  organisationName: string | null;
  type: MaterialType;
  language: MaterialLanguage;
  /** Links only. */
  url: string | null;
  /** Files only: the current version. */
  file: MaterialFileVersion | null;
  /** A plain-text excerpt: a note's text or the extracted text of a file. */
  excerpt: string;
  usage: MaterialUsage;
  /** True when the caller marked it useful. */
  markedUseful: boolean;
  createdBy: { id: string | null; displayName: string };
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** Search hit only: the best passage, split into plain and matching parts (render matches as <mark>). */
  snippet?: { text: string; match: boolean }[];
}

export interface Material extends MaterialSummary {
  /** Notes only: the Markdown body (the comment-body subset). */
  body: string | null;
  /** Files only: every version, newest first. */
  versions: MaterialFileVersion[];
  /** The collections (visible to the caller) this material is in. */
  collections: { id: string; title: string }[];
  /** Edit metadata, replace the file, delete: the creator and the space's coordinators. */
  canEdit: boolean;
}

/** Fields shared by every kind; for files they are sent as multipart form fields (tags and work packages comma-separated). */
export interface MaterialMetadata {
  title: string;
  description?: string;
  tags?: string[];
  workPackages?: string[];
  organisationId?: string | null;
  type?: MaterialType;
  language?: MaterialLanguage;
}

/** `POST /api/materials` (links and notes; files go to `POST /api/materials/upload?spaceId=` as multipart). */
export interface CreateMaterialRequest extends MaterialMetadata {
  spaceId: string;
  kind: 'link' | 'note';
  /** Links: http(s) only. */
  url?: string;
  /** Notes: Markdown subset. */
  body?: string;
}

export type UpdateMaterialRequest = Partial<MaterialMetadata> & { url?: string; body?: string };

/** `GET /api/materials` query. */
export interface MaterialQuery {
  spaceId?: string;
  q?: string;
  tag?: string;
  wp?: string;
  organisationId?: string;
  type?: MaterialType;
  kind?: MaterialKind;
  language?: MaterialLanguage;
  /** `recent` (default; relevance first when `q` is given), `title`, `popular`. */
  sort?: 'recent' | 'title' | 'popular';
  limit?: number;
  offset?: number;
}

/** Tags in use in the caller's visible materials, for filter chips. */
export interface MaterialTagCount {
  tag: string;
  count: number;
}

// ---------- collections ("learning paths") ----------

export interface MaterialCollectionSummary {
  id: string;
  spaceId: string;
  spaceName: string;
  title: string;
  description: string;
  /** Materials the caller can see in it. */
  itemCount: number;
  createdBy: { id: string | null; displayName: string };
  updatedAt: IsoDateTime;
  canEdit: boolean;
}

export interface MaterialCollection extends MaterialCollectionSummary {
  /** In the collection's order; materials the caller may not see are left out. */
  items: MaterialSummary[];
}

export interface CreateMaterialCollectionRequest {
  spaceId: string;
  title: string;
  description?: string;
}

export interface UpdateMaterialCollectionRequest {
  title?: string;
  description?: string;
}

/** `POST /api/material-collections/:id/items`: appended at the end (or at `position`, 0-based). */
export interface AddCollectionItemRequest {
  materialId: string;
  position?: number;
}

/** `PUT /api/material-collections/:id/items`: the new order (the same materials, reordered). */
export interface ReorderCollectionRequest {
  materialIds: string[];
}
