import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { AssessmentAccess } from '../assessments/assessment-access.service.js';
import { assessmentNotFound } from '../assessments/assessment-problems.js';
import type { Assessment } from '../assessments/assessment.entity.js';
import type { FrameworkContent } from '../frameworks/framework-content.js';
import { FrameworkContentService } from '../frameworks/framework-content.service.js';
import { withheldFor } from './anonymity.js';
import { gaps, scoreOf, shownAverage, strengths } from './dimension-scores.js';
import { eGovernmentIndices } from './e-government-2024.js';
import { dimensionFigures, headcount, type DimensionFigures } from './rating-aggregates.js';
import { resultsNotReady } from './results-problems.js';
import type { DimensionResult, ResultsView } from './results.dto.js';
import { round2 } from './statistics.js';

/** An assessment's results with what the exports need besides. */
export interface ResultsData {
  assessment: Assessment;
  content: FrameworkContent;
  view: ResultsView;
}

/**
 * The capability profile: per dimension the individual average and spread (withheld below
 * MINIMUM_RATERS people), the agreed (consensus) rating and the score drawn from them; strengths,
 * gaps and the modules recommended for the gaps; the change since the previous assessment; and the
 * country's E-Government Survey 2024 indices as context. Aggregated in SQL by dimension key.
 */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly frameworks: FrameworkContentService,
  ) {}

  /** For the assessment's managers, from the consensus round on. */
  async forManager(id: string, auth: AuthContext): Promise<ResultsData> {
    const assessment = await this.access.forManager(id, auth);
    this.access.assertStatus(assessment, ['consensus', 'completed'], 'read the results');
    return this.build(assessment);
  }

  /** For participants, once the assessment is completed. */
  async forParticipant(id: string, auth: AuthContext): Promise<ResultsData> {
    const { assessment } = await this.access.forParticipant(id, auth);
    if (assessment.status === 'draft') throw assessmentNotFound(id);
    if (assessment.status !== 'completed') throw resultsNotReady();
    return this.build(assessment);
  }

  private async build(assessment: Assessment): Promise<ResultsData> {
    const previousId = assessment.previousAssessmentId;
    const [content, head, figures, institution, previous] = await Promise.all([
      this.frameworks.content(assessment.versionId),
      headcount(this.db.manager, assessment.id),
      dimensionFigures(this.db.manager, previousId ? [assessment.id, previousId] : [assessment.id]),
      this.db.query(`SELECT name FROM institution WHERE id = $1`, [assessment.institutionId]) as Promise<
        { name: string }[]
      >,
      previousId
        ? (this.db.query(
            `SELECT id, title, completed_at AS "completedAt" FROM dgca_assessment WHERE id = $1`,
            [previousId],
          ) as Promise<{ id: string; title: string; completedAt: Date | null }[]>)
        : Promise.resolve([]),
    ]);
    // The version is referenced with ON DELETE RESTRICT: it cannot be missing.
    if (!content) throw new Error(`Framework version ${assessment.versionId} is missing`);
    const withheld = withheldFor(head.raters);
    const byKey = (assessmentId: string) =>
      new Map(figures.filter((f) => f.assessmentId === assessmentId).map((f) => [f.key, f]));
    const current = byKey(assessment.id);
    const before = previous[0] ? byKey(previous[0].id) : null;
    const dimensions = content.dimensions.map((dimension): DimensionResult => {
      const own: DimensionFigures | undefined = withheld ? undefined : current.get(dimension.key);
      const agreed = current.get(dimension.key)?.consensus ?? null;
      const average = shownAverage(own);
      const score = round2(agreed ?? average);
      const previousScore = before ? scoreOf(before.get(dimension.key)) : null;
      return {
        key: dimension.key,
        name: dimension.name,
        statements: dimension.statements.length,
        average: round2(average),
        spread: average === null ? null : round2(own?.spread ?? null),
        consensus: round2(agreed),
        score,
        previousScore,
        change: score !== null && previousScore !== null ? round2(score - previousScore) : null,
      };
    });
    const gapKeys = gaps(dimensions, content.max);
    const view: ResultsView = {
      assessment: {
        id: assessment.id,
        title: assessment.title,
        subject: assessment.subject,
        country: assessment.country,
        institutionName: institution[0]?.name ?? '',
        status: assessment.status,
        completedAt: assessment.completedAt ? new Date(assessment.completedAt).toISOString() : null,
      },
      scale: { min: content.min, max: content.max, levels: content.scale },
      participants: head.participants,
      raters: head.raters,
      withheld,
      dimensions,
      strengths: strengths(dimensions, content.min, content.max, gapKeys),
      gaps: gapKeys,
      recommendations: gapKeys.flatMap((key) =>
        (content.dimensions.find((d) => d.key === key)?.recommendations ?? []).map((recommendation) => ({
          dimensionKey: key,
          ...recommendation,
        })),
      ),
      eGovernment: eGovernmentIndices(assessment.country),
      previous: previous[0]
        ? {
            id: previous[0].id,
            title: previous[0].title,
            completedAt: previous[0].completedAt ? new Date(previous[0].completedAt).toISOString() : null,
          }
        : null,
    };
    return { assessment, content, view };
  }
}
