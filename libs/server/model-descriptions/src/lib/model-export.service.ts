import { Injectable } from '@nestjs/common';
import { AppException, attachmentDisposition, type AuthenticatedUser } from '@kehittamo/server/core';
import { AuditService, CollabDocuments } from '@kehittamo/server/data-access';
import {
  LANGUAGES,
  MODEL_SECTION_KEYS,
  richPlainText,
  type InnokylaCopy,
  type Language,
  type ModelDescriptionContent,
  type ModelDescriptionExport,
} from '@kehittamo/shared/domain';
import type { Response } from 'express';
import { renderDocx } from './export/docx';
import type { ModelExportInput } from './export/export-input';
import { renderMarkdown } from './export/markdown';
import { renderPdf } from './export/pdf';
import { ModelDescriptionService, normaliseContent, type ModelRow } from './model-description.service';

export type ExportFormat = 'md' | 'docx' | 'pdf';

const FORMATS: Record<ExportFormat, { contentType: string; render: (input: ModelExportInput) => string | Promise<Buffer> }> = {
  md: { contentType: 'text/markdown; charset=utf-8', render: renderMarkdown },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
  pdf: { contentType: 'application/pdf', render: renderPdf },
};

/** A file name from the description's name: letters, digits and dashes only. */
const fileName = (name: string, extension: string) =>
  `${name.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'toimintamalli'}.${extension}`;

/** Exports of a model description's live content: JSON (lossless), Markdown, DOCX, PDF and the Innokylä copy view. */
@Injectable()
export class ModelExportService {
  constructor(
    private readonly models: ModelDescriptionService,
    private readonly collab: CollabDocuments,
    private readonly audit: AuditService,
  ) {}

  /** The live content (from memory or storage), not the projection, so an export right after an edit has it. */
  private async liveContent(row: ModelRow): Promise<ModelDescriptionContent> {
    const { projection } = await this.collab.readProjection(row.doc_name);
    return normaliseContent(projection.json);
  }

  async currentContent(user: AuthenticatedUser, id: string): Promise<ModelDescriptionContent> {
    const { row } = await this.models.find(user, id);
    return this.liveContent(row);
  }

  async json(user: AuthenticatedUser, id: string, res: Response): Promise<ModelDescriptionExport> {
    const { row } = await this.models.find(user, id);
    const content = await this.liveContent(row);
    await this.audit.record({ action: 'export', actorId: user.id, targetType: 'model_description', targetId: id, detail: { format: 'json' } });
    res.setHeader('Content-Disposition', attachmentDisposition(fileName(row.name, 'json')));
    return {
      format: 'kehittamo.model-description',
      formatVersion: 1,
      name: row.name,
      phase: row.phase,
      workPackages: row.work_packages,
      tags: row.tags,
      content,
      exportedAt: new Date().toISOString(),
    };
  }

  async file(user: AuthenticatedUser, id: string, format: ExportFormat, lang?: string): Promise<{ body: Buffer; contentType: string; disposition: string }> {
    const spec = FORMATS[format];
    if (!spec || !Object.hasOwn(FORMATS, format)) throw AppException.notFound('Export format');
    const language: Language = LANGUAGES.includes(lang as Language) ? (lang as Language) : 'fi';
    const { row } = await this.models.find(user, id);
    const [content, phases] = await Promise.all([this.liveContent(row), this.models.phases()]);
    const phase = phases.find((p) => p.key === row.phase);
    const rendered = await spec.render({
      name: row.name,
      phaseLabel: phase?.labels[language] ?? row.phase,
      workPackages: row.work_packages,
      tags: row.tags,
      spaceName: row.space_name,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      content,
      language,
    });
    await this.audit.record({ action: 'export', actorId: user.id, targetType: 'model_description', targetId: id, detail: { format } });
    return {
      body: typeof rendered === 'string' ? Buffer.from(rendered, 'utf8') : rendered,
      contentType: spec.contentType,
      disposition: attachmentDisposition(fileName(row.name, format)),
    };
  }

  /** Each Innokylä field's plain text, in the national service's order, ready to paste. */
  async innokylaCopy(user: AuthenticatedUser, id: string): Promise<InnokylaCopy> {
    const { row } = await this.models.find(user, id);
    const content = await this.liveContent(row);
    const facts = content.facts;
    return {
      fields: [
        { field: 'summary', text: facts.summary ?? '' },
        { field: 'place', text: facts.place ?? '' },
        { field: 'organisations', text: facts.organisations ?? '' },
        { field: 'funders', text: facts.funders ?? '' },
        { field: 'authors', text: facts.authors ?? '' },
        { field: 'programmeName', text: facts.programmeName ?? '' },
        { field: 'programmeUrl', text: facts.programmeUrl ?? '' },
        ...MODEL_SECTION_KEYS.map((key) => ({ field: key, text: richPlainText(content.sections[key]) })),
        {
          field: 'structure' as const,
          text: content.structure.map((step, i) => `${i + 1}. ${step.title}\n${richPlainText(step.body)}`.trim()).join('\n\n'),
        },
      ],
    };
  }
}
