import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditAction } from '@kehittamo/shared/domain';
import { EntityManager, Repository } from 'typeorm';
import { AuditEventEntity } from './entities';

export interface AuditRecord {
  action: AuditAction;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  organisationId?: string | null;
  /** Non-personal facts only: roles, access levels, counts. Never emails, names or text. */
  detail?: Record<string, string | number | boolean | null>;
}

/** Writes the security audit trail. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Records an event; pass `manager` to write inside the caller's transaction. */
  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEventEntity) : this.events;
    await repository.insert({
      action: record.action,
      actorId: record.actorId ?? null,
      targetType: record.targetType ?? null,
      targetId: record.targetId ?? null,
      organisationId: record.organisationId ?? null,
      detail: record.detail ?? {},
    });
    this.logger.log(`${record.action} actor=${record.actorId ?? '-'} target=${record.targetType ?? '-'}:${record.targetId ?? '-'}`);
  }
}
