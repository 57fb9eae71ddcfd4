import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { CollabDocuments } from '@kehittamo/server/data-access';
import { initialModelDocument } from '@kehittamo/shared/model-content';
import type { ModelDescription, ModelDescriptionExport } from '@kehittamo/shared/domain';
import { validateModelContent } from './content-validation';
import { ModelDescriptionService, normaliseContent } from './model-description.service';
import { ModelVersionService } from './model-version.service';

/** Steps that touch both the description row and its document: phase changes and imports. */
@Injectable()
export class ModelLifecycleService {
  constructor(
    private readonly models: ModelDescriptionService,
    private readonly versions: ModelVersionService,
    private readonly collab: CollabDocuments,
  ) {}

  /** A phase change is recorded (who, when, from → to) and the content at that moment saved as a version. */
  async changePhase(user: AuthenticatedUser, id: string, phase: string): Promise<ModelDescription> {
    const { changed, from } = await this.models.changePhase(user, id, phase);
    if (changed) {
      const labels = new Map((await this.models.phases()).map((p) => [p.key, p.labels.fi]));
      const { row } = await this.models.find(user, id);
      await this.versions.snapshot(user, row, `${labels.get(from) ?? from} → ${labels.get(phase) ?? phase}`, 'phase');
    }
    return this.models.get(user, id);
  }

  /** A JSON export becomes a new description in the space; its content is checked against the editor schema first. */
  async import(user: AuthenticatedUser, spaceId: string, input: ModelDescriptionExport): Promise<ModelDescription> {
    const problems = validateModelContent(input.content);
    if (problems.length > 0) throw AppException.validation(problems);
    const { update, projection } = initialModelDocument(normaliseContent(input.content));
    return this.models.create(
      user,
      { spaceId, name: input.name, phase: input.phase, workPackages: input.workPackages, tags: input.tags },
      (manager, docName) => this.collab.writeInitial(manager, docName, update, projection),
    );
  }
}
