import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DEFAULT_DIMENSIONS,
  DEFAULT_FRAMEWORK_DESCRIPTION,
  DEFAULT_FRAMEWORK_ID,
  DEFAULT_FRAMEWORK_NAME,
  DEFAULT_FRAMEWORK_VERSION_ID,
  DEFAULT_SCALE,
} from './default-framework.js';

/**
 * Installs the default framework, published as version 1, when it is missing, so that a new
 * installation can run an assessment at once. Replicas may start together: the framework row is
 * inserted with ON CONFLICT DO NOTHING inside the transaction, so only the one that inserts it
 * writes the content. Once installed it is never touched again (admins edit it through new versions).
 */
@Injectable()
export class DefaultFrameworkInstaller implements OnModuleInit {
  private readonly logger = new Logger('Dgca');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    if (await this.install())
      this.logger.log(`Installed the default DGCA framework "${DEFAULT_FRAMEWORK_NAME}"`);
  }

  /** True when this call installed it. */
  async install(): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const inserted = (await tx.query(
        `INSERT INTO dgca_framework (id, name, description) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING id`,
        [DEFAULT_FRAMEWORK_ID, DEFAULT_FRAMEWORK_NAME, DEFAULT_FRAMEWORK_DESCRIPTION],
      )) as { id: string }[];
      if (inserted.length === 0) return false;
      await tx.query(
        `INSERT INTO dgca_framework_version (id, framework_id, number, status, language, scale, published_at)
         VALUES ($1, $2, 1, 'published', 'en', $3::jsonb, now())`,
        [DEFAULT_FRAMEWORK_VERSION_ID, DEFAULT_FRAMEWORK_ID, JSON.stringify(DEFAULT_SCALE)],
      );
      for (const [position, dimension] of DEFAULT_DIMENSIONS.entries()) {
        const [row] = (await tx.query(
          `INSERT INTO dgca_dimension (version_id, key, position, name, description)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [DEFAULT_FRAMEWORK_VERSION_ID, dimension.key, position, dimension.name, dimension.description],
        )) as { id: string }[];
        await tx.query(
          `INSERT INTO dgca_statement (dimension_id, position, text, guidance)
           SELECT $1, s.position - 1, s.text, s.guidance
             FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS s(text, guidance, position)`,
          [
            row!.id,
            dimension.statements.map((statement) => statement.text),
            dimension.statements.map((statement) => statement.guidance),
          ],
        );
      }
      return true;
    });
  }
}
