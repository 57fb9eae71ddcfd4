import { snippetParts } from '@kehittamo/server/data-access';
import { excerptOf } from './content';
import {
  FILE_FORMATS,
  MATERIAL_LIMITS,
  type FileFormat,
  type MaterialFileStatus,
  type MaterialFileVersion,
  type MaterialKind,
  type MaterialLanguage,
  type MaterialProcessingState,
  type MaterialSummary,
  type MaterialType,
} from '@kehittamo/shared/domain';

/** The spaces the viewer ($1) may read. */
export const VIEWER_SPACES = `SELECT space_id FROM space_members WHERE user_id = $1`;

/** May the user in `userColumn` curate (edit, delete) material in the space in `spaceColumn`? Admins, and coordinators of the space's organisation (any for the project space). */
export const CURATOR_CONDITION = (userColumn: string, spaceColumn: string) => `EXISTS (
  SELECT 1 FROM memberships cm JOIN spaces cs ON cs.id = ${spaceColumn}
   WHERE cm.user_id = ${userColumn}
     AND (cm.role = 'admin' OR (cm.role = 'coordinator' AND (cs.kind = 'project' OR cm.organisation_id = cs.organisation_id))))`;

export interface FileRow {
  id: string;
  material_id: string;
  version: number;
  filename: string;
  format: FileFormat;
  size: string;
  sha256: string;
  storage_key: string;
  preview_key: string | null;
  status: MaterialFileStatus;
  processing: MaterialProcessingState;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  uploaded_at: Date;
}

export const SELECT_FILE = `
  SELECT f.id, f.material_id, f.version, f.filename, f.format, f.size, f.sha256, f.storage_key, f.preview_key,
         f.status, f.processing, f.uploaded_by, fu.display_name AS uploaded_by_name, f.uploaded_at
    FROM material_files f LEFT JOIN users fu ON fu.id = f.uploaded_by`;

export interface MaterialRow {
  id: string;
  space_id: string;
  space_name: string;
  kind: MaterialKind;
  title: string;
  description: string;
  tags: string[];
  work_packages: string[];
  organisation_id: string | null;
  organisation_name: string | null;
  type: MaterialType;
  language: MaterialLanguage;
  url: string | null;
  body: string | null;
  excerpt_source: string;
  view_count: number;
  download_count: number;
  useful_count: number;
  marked_useful: boolean;
  can_edit: boolean;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  current_file: (Omit<FileRow, 'uploaded_at'> & { uploaded_at: string }) | null;
  headline?: string | null;
}

/** One material as the viewer ($1) sees it, with its current file. */
export const SELECT_MATERIAL = `
  SELECT m.id, m.space_id, s.name AS space_name, m.kind, m.title, m.description, m.tags, m.work_packages,
         m.organisation_id, o.name AS organisation_name, m.type, m.language, m.url, m.body,
         left(coalesce(m.body, nullif(m.extracted_text, ''), ''), ${MATERIAL_LIMITS.excerptMax * 2}) AS excerpt_source,
         m.view_count, m.download_count,
         (SELECT count(*)::int FROM material_useful_marks um WHERE um.material_id = m.id) AS useful_count,
         EXISTS (SELECT 1 FROM material_useful_marks um WHERE um.material_id = m.id AND um.user_id = $1) AS marked_useful,
         ((m.created_by = $1 AND EXISTS (SELECT 1 FROM space_members esm WHERE esm.space_id = m.space_id AND esm.user_id = $1 AND esm.access = 'edit'))
           OR ${CURATOR_CONDITION('$1', 'm.space_id')}) AS can_edit,
         m.created_by, cu.display_name AS created_by_name, m.created_at, m.updated_at,
         (SELECT to_jsonb(cf) FROM (${SELECT_FILE} WHERE f.id = m.current_file_id) cf) AS current_file
    FROM materials m
    JOIN spaces s ON s.id = m.space_id
    LEFT JOIN organisations o ON o.id = m.organisation_id
    LEFT JOIN users cu ON cu.id = m.created_by`;

export function toFileVersion(r: Omit<FileRow, 'uploaded_at'> & { uploaded_at: Date | string }): MaterialFileVersion {
  return {
    id: r.id,
    version: r.version,
    filename: r.filename,
    format: r.format,
    mime: FILE_FORMATS[r.format].mime,
    size: Number(r.size),
    sha256: r.sha256,
    status: r.status,
    processing: r.processing,
    hasPreview: r.preview_key !== null,
    uploadedBy: { id: r.uploaded_by, displayName: r.uploaded_by_name ?? '' },
    uploadedAt: new Date(r.uploaded_at).toISOString(),
  };
}

/** A note's Markdown marks are not part of its excerpt. */
function plainText(text: string): string {
  return text.replace(/@?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]/g, '');
}

export function toSummary(r: MaterialRow): MaterialSummary {
  return {
    id: r.id,
    spaceId: r.space_id,
    spaceName: r.space_name,
    kind: r.kind,
    title: r.title,
    description: r.description,
    tags: r.tags,
    workPackages: r.work_packages,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    type: r.type,
    language: r.language,
    url: r.url,
    file: r.current_file ? toFileVersion(r.current_file) : null,
    excerpt: excerptOf(plainText(r.excerpt_source ?? '')),
    usage: { views: r.view_count, downloads: r.download_count, useful: r.useful_count },
    markedUseful: r.marked_useful,
    createdBy: { id: r.created_by, displayName: r.created_by_name ?? '' },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    ...(r.headline != null && { snippet: snippetParts(r.headline) }),
  };
}
