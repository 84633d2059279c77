import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One platform-wide setting, by key, with its JSON value and who last changed it. */
@Entity('platform_setting')
export class PlatformSetting {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
