import { AuditEventEntity } from './audit-event.entity';
import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { OrganisationEntity } from './organisation.entity';
import { PasswordResetEntity } from './password-reset.entity';
import { ProjectEntity, WorkPackageEntity } from './project.entity';
import { SessionEntity } from './session.entity';
import { SpaceEntity, SpaceMemberEntity } from './space.entity';
import { UserEntity } from './user.entity';

export {
  AuditEventEntity,
  InvitationEntity,
  MembershipEntity,
  OrganisationEntity,
  PasswordResetEntity,
  ProjectEntity,
  SessionEntity,
  SpaceEntity,
  SpaceMemberEntity,
  UserEntity,
  WorkPackageEntity,
};

/** Every entity of the foundation, for the DataSource. */
export const FOUNDATION_ENTITIES = [
  OrganisationEntity,
  UserEntity,
  MembershipEntity,
  SpaceEntity,
  SpaceMemberEntity,
  SessionEntity,
  InvitationEntity,
  PasswordResetEntity,
  AuditEventEntity,
  ProjectEntity,
  WorkPackageEntity,
];
