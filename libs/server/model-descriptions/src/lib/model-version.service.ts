import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { CollabDocuments, DomainEvents } from '@kehittamo/server/data-access';
import { writeModelContent } from '@kehittamo/shared/model-content';
import {
  MODEL_FACT_KEYS,
  MODEL_SECTION_KEYS,
  richPlainText,
  type ModelDescriptionContent,
  type ModelVersion,
  type ModelVersionComparison,
  type ModelVersionDetail,
  type ModelVersionKind,
  type TextChange,
} from '@kehittamo/shared/domain';
import { diffWordsWithSpace } from 'diff';
import { DataSource } from 'typeorm';
import { ModelDescriptionService, normaliseContent, type ModelRow } from './model-description.service';

interface VersionRow {
  id: string;
  number: number;
  name: string;
  kind: ModelVersionKind;
  created_by: string | null;
  created_at: Date;
  content?: unknown;
}

const toVersion = (r: VersionRow): ModelVersion => ({
  id: r.id,
  number: r.number,
  name: r.name,
  kind: r.kind,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

const SELECT_VERSION = `SELECT v.id, v.number, v.name, v.kind, u.display_name AS created_by, v.created_at
  FROM model_versions v LEFT JOIN users u ON u.id = v.created_by`;

/** Text of each comparable field, in reading order. */
function fieldTexts(content: ModelDescriptionContent): { field: ModelVersionComparison['fields'][number]['field']; text: string }[] {
  return [
    ...MODEL_FACT_KEYS.map((key) => ({ field: key, text: content.facts[key] ?? '' })),
    ...MODEL_SECTION_KEYS.map((key) => ({ field: key, text: richPlainText(content.sections[key]) })),
    {
      field: 'structure' as const,
      text: content.structure.map((step, i) => `${i + 1}. ${step.title}\n${richPlainText(step.body)}`).join('\n\n'),
    },
  ];
}

/**
 * Named versions of a model description: the document's Yjs state and its content JSON at
 * that moment. Restoring writes an old version's content into the live document as a new
 * change (after saving the current content as a version), so nothing is ever lost.
 */
@Injectable()
export class ModelVersionService {
  constructor(
    private readonly db: DataSource,
    private readonly models: ModelDescriptionService,
    private readonly collab: CollabDocuments,
    private readonly events: DomainEvents,
  ) {}

  async list(user: AuthenticatedUser, modelId: string): Promise<ModelVersion[]> {
    await this.models.find(user, modelId);
    const rows: VersionRow[] = await this.db.query(`${SELECT_VERSION} WHERE v.model_id = $1 ORDER BY v.number DESC`, [modelId]);
    return rows.map(toVersion);
  }

  async create(user: AuthenticatedUser, modelId: string, name: string): Promise<ModelVersion> {
    const row = await this.models.findEditable(user, modelId);
    return this.snapshot(user, row, name.trim(), 'manual');
  }

  /** Saves the live content as a version (also used at phase changes and before a restore). */
  async snapshot(user: AuthenticatedUser, row: ModelRow, name: string, kind: ModelVersionKind): Promise<ModelVersion> {
    const { state, projection } = await this.collab.readProjection(row.doc_name);
    const content = normaliseContent(projection.json);
    const [created]: VersionRow[] = await this.db.query(
      `INSERT INTO model_versions (model_id, number, name, kind, state, content, created_by)
       VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM model_versions WHERE model_id = $1), $2, $3, $4, $5, $6)
       RETURNING id, number, name, kind, created_by, created_at`,
      [row.id, name, kind, Buffer.from(state), JSON.stringify(content), user.id],
    );
    this.events.emit('modelVersionCreated', { modelId: row.id, versionId: created.id, number: created.number, name: created.name });
    return toVersion({ ...created, created_by: user.displayName });
  }

  async get(user: AuthenticatedUser, modelId: string, versionId: string): Promise<ModelVersionDetail> {
    await this.models.find(user, modelId);
    const [row]: VersionRow[] = await this.db.query(
      `${SELECT_VERSION.replace('v.created_at', 'v.created_at, v.content')} WHERE v.model_id = $1 AND v.id = $2`,
      [modelId, versionId],
    );
    if (!row) throw AppException.notFound('Version');
    return { ...toVersion(row), content: normaliseContent(row.content) };
  }

  /** Field by field, word by word: what changed from one version to another (or to the live content). */
  async compare(user: AuthenticatedUser, modelId: string, fromId: string, toId: string): Promise<ModelVersionComparison> {
    const { row } = await this.models.find(user, modelId);
    const from = await this.get(user, modelId, fromId);
    const to = toId === 'current' ? null : await this.get(user, modelId, toId);
    const toContent = to ? to.content : normaliseContent((await this.collab.readProjection(row.doc_name)).projection.json);
    const after = new Map(fieldTexts(toContent).map((f) => [f.field, f.text]));
    const fields = fieldTexts(from.content).map(({ field, text }) => {
      const changes: TextChange[] = diffWordsWithSpace(text, after.get(field) ?? '').map((part) => ({
        op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
        text: part.value,
      }));
      return { field, changed: changes.some((c) => c.op !== 'equal'), changes };
    });
    const strip = (detail: ModelVersionDetail): ModelVersion => toVersion({ ...detail, created_by: detail.createdBy, created_at: new Date(detail.createdAt) });
    return { from: strip(from), to: to ? strip(to) : null, fields };
  }

  /**
   * Restores a version as a new change everyone sees live. The current content is saved
   * first as a version of kind `restore`, so the restore itself can be undone.
   */
  async restore(user: AuthenticatedUser, modelId: string, versionId: string): Promise<ModelVersion> {
    const row = await this.models.findEditable(user, modelId);
    const version = await this.get(user, modelId, versionId);
    const backup = await this.snapshot(user, row, `Ennen version ${version.number} palautusta`, 'restore');
    await this.collab.change(row.doc_name, (doc) => writeModelContent(doc, version.content));
    await this.db.query(`UPDATE model_descriptions SET updated_at = now() WHERE id = $1`, [modelId]);
    return backup;
  }
}
