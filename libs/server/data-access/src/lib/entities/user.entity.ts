import type { Language } from '@kehittamo/shared/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  /** The name others see; for experience experts usually a pseudonym. */
  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** Optional; shown only to the user and to those who manage their organisations. */
  @Column({ name: 'real_name', type: 'text', nullable: true })
  realName!: string | null;

  @Column({ type: 'text', default: 'fi' })
  language!: Language;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
