import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FrameworkContentService } from '../frameworks/framework-content.service.js';
import { MINIMUM_COUNTRIES } from './anonymity.js';
import { scoreOf } from './dimension-scores.js';
import { dimensionFigures } from './rating-aggregates.js';
import { versionNotFound } from './results-problems.js';
import type { RegionalView } from './results.dto.js';
import { round2 } from './statistics.js';

/**
 * The regional profile: the mean, per dimension, of the scores of countries that opted in (their
 * latest completed country assessment on the version). A self-assessment is not a ranking, so no
 * country is ever named, and nothing is shown until at least MINIMUM_COUNTRIES countries take part.
 */
@Injectable()
export class RegionalService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly frameworks: FrameworkContentService,
  ) {}

  async view(versionId: string): Promise<RegionalView> {
    const content = await this.frameworks.content(versionId);
    if (!content || content.status !== 'published') throw versionNotFound(versionId);
    const latest = (await this.db.query(
      `SELECT DISTINCT ON (country) id FROM dgca_assessment
        WHERE version_id = $1 AND status = 'completed' AND regional_opt_in AND subject = 'country'
        ORDER BY country, completed_at DESC, id`,
      [versionId],
    )) as { id: string }[];
    const withheld = latest.length < MINIMUM_COUNTRIES;
    const figures = withheld
      ? []
      : await dimensionFigures(
          this.db.manager,
          latest.map((row) => row.id),
        );
    return {
      versionId,
      countries: latest.length,
      withheld,
      dimensions: content.dimensions.map((dimension) => {
        const scores = latest
          .map((row) => scoreOf(figures.find((f) => f.assessmentId === row.id && f.key === dimension.key)))
          .filter((score): score is number => score !== null);
        return {
          key: dimension.key,
          name: dimension.name,
          score:
            withheld || scores.length < MINIMUM_COUNTRIES
              ? null
              : round2(scores.reduce((sum, score) => sum + score, 0) / scores.length),
        };
      }),
    };
  }
}
