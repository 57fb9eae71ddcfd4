import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { SpaceAccessService } from '@kehittamo/server/data-access';
import { MATERIAL_LIMITS, type MaterialCollection, type MaterialCollectionSummary } from '@kehittamo/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateCollectionDto, UpdateCollectionDto } from './dto/material.dto';
import { CURATOR_CONDITION, SELECT_MATERIAL, VIEWER_SPACES, toSummary, type MaterialRow } from './material-rows';

interface CollectionRow {
  id: string;
  space_id: string;
  space_name: string;
  title: string;
  description: string;
  item_count: number;
  created_by: string | null;
  created_by_name: string | null;
  updated_at: Date;
  can_edit: boolean;
}

/** Collections as the viewer ($1) sees them: only materials they may read are counted or shown. */
const SELECT_COLLECTION = `
  SELECT c.id, c.space_id, s.name AS space_name, c.title, c.description, c.created_by, u.display_name AS created_by_name, c.updated_at,
         (SELECT count(*)::int FROM material_collection_items i JOIN materials im ON im.id = i.material_id
           WHERE i.collection_id = c.id AND im.space_id IN (${VIEWER_SPACES})) AS item_count,
         ((c.created_by = $1 AND EXISTS (SELECT 1 FROM space_members esm WHERE esm.space_id = c.space_id AND esm.user_id = $1 AND esm.access = 'edit'))
           OR ${CURATOR_CONDITION('$1', 'c.space_id')}) AS can_edit
    FROM material_collections c
    JOIN spaces s ON s.id = c.space_id
    LEFT JOIN users u ON u.id = c.created_by`;

function toCollectionSummary(r: CollectionRow): MaterialCollectionSummary {
  return {
    id: r.id,
    spaceId: r.space_id,
    spaceName: r.space_name,
    title: r.title,
    description: r.description,
    itemCount: r.item_count,
    createdBy: { id: r.created_by, displayName: r.created_by_name ?? '' },
    updatedAt: r.updated_at.toISOString(),
    canEdit: r.can_edit,
  };
}

/** Ordered collections of materials ("learning paths"), e.g. an introduction for new staff. */
@Injectable()
export class CollectionService {
  constructor(
    private readonly db: DataSource,
    private readonly spaceAccess: SpaceAccessService,
  ) {}

  async list(user: AuthenticatedUser, spaceId?: string): Promise<MaterialCollectionSummary[]> {
    if (spaceId) await this.spaceAccess.requireAccess(user, spaceId, 'view');
    const rows: CollectionRow[] = await this.db.query(
      `${SELECT_COLLECTION} WHERE c.space_id IN (${VIEWER_SPACES}) AND ($2::uuid IS NULL OR c.space_id = $2) ORDER BY c.updated_at DESC LIMIT 500`,
      [user.id, spaceId ?? null],
    );
    return rows.map(toCollectionSummary);
  }

  async create(user: AuthenticatedUser, dto: CreateCollectionDto): Promise<MaterialCollection> {
    await this.spaceAccess.requireAccess(user, dto.spaceId, 'edit');
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO material_collections (space_id, title, description, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [dto.spaceId, dto.title, dto.description ?? '', user.id],
    );
    return this.get(user, row.id);
  }

  async get(user: AuthenticatedUser, id: string): Promise<MaterialCollection> {
    const row = await this.findReadable(user, id);
    const items: MaterialRow[] = await this.db.query(
      `${SELECT_MATERIAL.replace('SELECT m.id,', 'SELECT i.position, m.id,')}
         JOIN material_collection_items i ON i.material_id = m.id
        WHERE i.collection_id = $2 AND m.space_id IN (${VIEWER_SPACES})
        ORDER BY i.position`,
      [user.id, id],
    );
    return { ...toCollectionSummary(row), items: items.map(toSummary) };
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateCollectionDto): Promise<MaterialCollection> {
    await this.findEditable(user, id);
    await this.db.query(
      `UPDATE material_collections SET title = coalesce($2, title), description = coalesce($3, description), updated_at = now() WHERE id = $1`,
      [id, dto.title ?? null, dto.description ?? null],
    );
    return this.get(user, id);
  }

  async delete(user: AuthenticatedUser, id: string): Promise<void> {
    await this.findEditable(user, id);
    await this.db.query(`DELETE FROM material_collections WHERE id = $1`, [id]);
  }

  /**
   * Adds a material the caller can read. A material of an organisation's private space may only
   * go into a collection of that same space, so a shared path never points into a private one.
   */
  async addItem(user: AuthenticatedUser, id: string, materialId: string, position?: number): Promise<MaterialCollection> {
    const collection = await this.findEditable(user, id);
    const [material]: { space_id: string; kind: string }[] = await this.db.query(
      `SELECT m.space_id, s.kind FROM materials m JOIN spaces s ON s.id = m.space_id WHERE m.id = $2 AND m.space_id IN (${VIEWER_SPACES})`,
      [user.id, materialId],
    );
    if (!material) throw AppException.validation([{ field: 'materialId', problems: ['no such material'] }]);
    if (material.kind === 'organisation' && material.space_id !== collection.space_id) {
      throw AppException.validation([{ field: 'materialId', problems: ["a private space's material can only be collected in that space"] }]);
    }
    await this.db.transaction(async (manager) => {
      const items = await this.lockedOrder(manager, id);
      if (items.includes(materialId)) throw new AppException('conflict', 'The material is already in this collection');
      if (items.length >= MATERIAL_LIMITS.collectionItemsMax) {
        throw AppException.validation([{ field: 'materialId', problems: [`a collection holds at most ${MATERIAL_LIMITS.collectionItemsMax} materials`] }]);
      }
      items.splice(Math.min(position ?? items.length, items.length), 0, materialId);
      await this.writeOrder(manager, id, items);
    });
    return this.get(user, id);
  }

  async removeItem(user: AuthenticatedUser, id: string, materialId: string): Promise<MaterialCollection> {
    await this.findEditable(user, id);
    await this.db.transaction(async (manager) => {
      const items = await this.lockedOrder(manager, id);
      if (!items.includes(materialId)) throw AppException.notFound('Collection item');
      await this.writeOrder(manager, id, items.filter((m) => m !== materialId));
    });
    return this.get(user, id);
  }

  /**
   * The new order must name exactly the materials in it that the caller can see; those they
   * cannot see keep their places among the rest.
   */
  async reorder(user: AuthenticatedUser, id: string, materialIds: string[]): Promise<MaterialCollection> {
    await this.findEditable(user, id);
    await this.db.transaction(async (manager) => {
      const items = await this.lockedOrder(manager, id);
      const visible: { id: string }[] = await manager.query(
        `SELECT m.id FROM materials m WHERE m.id = ANY ($2::uuid[]) AND m.space_id IN (${VIEWER_SPACES})`,
        [user.id, items],
      );
      const visibleIds = new Set(visible.map((v) => v.id));
      const sameSet = materialIds.length === visibleIds.size && materialIds.every((m) => visibleIds.has(m));
      if (!sameSet) {
        throw AppException.validation([{ field: 'materialIds', problems: ['must list exactly the materials in the collection, each once'] }]);
      }
      // The visible ones take the new order in the places visible ones held.
      let next = 0;
      await this.writeOrder(manager, id, items.map((m) => (visibleIds.has(m) ? materialIds[next++] : m)));
    });
    return this.get(user, id);
  }

  private async lockedOrder(manager: EntityManager, id: string): Promise<string[]> {
    await manager.query(`SELECT id FROM material_collections WHERE id = $1 FOR UPDATE`, [id]);
    const rows: { material_id: string }[] = await manager.query(
      `SELECT material_id FROM material_collection_items WHERE collection_id = $1 ORDER BY position`,
      [id],
    );
    return rows.map((r) => r.material_id);
  }

  private async writeOrder(manager: EntityManager, id: string, materialIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM material_collection_items WHERE collection_id = $1`, [id]);
    if (materialIds.length > 0) {
      await manager.query(
        `INSERT INTO material_collection_items (collection_id, material_id, position)
         SELECT $1, material_id, ordinality - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(material_id, ordinality)`,
        [id, materialIds],
      );
    }
    await manager.query(`UPDATE material_collections SET updated_at = now() WHERE id = $1`, [id]);
  }

  private async findReadable(user: AuthenticatedUser, id: string): Promise<CollectionRow> {
    const [row]: CollectionRow[] = await this.db.query(`${SELECT_COLLECTION} WHERE c.id = $2 AND c.space_id IN (${VIEWER_SPACES})`, [user.id, id]);
    if (!row) throw AppException.notFound('Collection');
    return row;
  }

  private async findEditable(user: AuthenticatedUser, id: string): Promise<CollectionRow> {
    const row = await this.findReadable(user, id);
    if (!row.can_edit) throw AppException.forbidden('Only the person who made the collection and the coordinators may change it');
    return row;
  }
}
