import type { DataSource } from 'typeorm';
import { Assessment } from '../dgca/assessments/assessment.entity.js';
import { DEFAULT_FRAMEWORK_ID } from '../dgca/frameworks/default-framework.js';

export const DEMO_ASSESSMENT_TITLE = 'Saint Lucia digital government self-assessment 2026';
const DEMO_ASSESSMENT_INSTITUTION = 'lc-public-service-training';
const DEMO_PARTICIPANT = 'learner@demo.archipelago.local';

/**
 * A country self-assessment of Saint Lucia on the default framework, in its individual round,
 * with the demo learner as participant, so that the learner app's assessment pages and the
 * Studio's have something to show. Written straight to the tables, without the round-opened mail
 * the API would send: the demo accounts' mail goes nowhere. Running it again changes nothing.
 */
export async function seedDemoAssessment(
  db: DataSource,
  institutionIds: Map<string, string>,
  accountIds: Map<string, string>,
): Promise<boolean> {
  const institutionId = institutionIds.get(DEMO_ASSESSMENT_INSTITUTION);
  const learnerId = accountIds.get(DEMO_PARTICIPANT);
  if (!institutionId || !learnerId) {
    throw new Error(`the demo assessment needs ${DEMO_ASSESSMENT_INSTITUTION} and ${DEMO_PARTICIPANT}`);
  }
  return db.transaction(async (tx) => {
    const existing = await tx
      .getRepository(Assessment)
      .findOneBy({ institutionId, title: DEMO_ASSESSMENT_TITLE });
    if (existing) return false;
    const [version] = (await tx.query(
      `SELECT id FROM dgca_framework_version WHERE framework_id = $1 AND status = 'published'
        ORDER BY number DESC LIMIT 1`,
      [DEFAULT_FRAMEWORK_ID],
    )) as { id: string }[];
    // Installed at start-up (DefaultFrameworkInstaller); without it there is nothing to assess.
    if (!version) return false;
    const assessment = await tx.getRepository(Assessment).save({
      versionId: version.id,
      institutionId,
      subject: 'country',
      country: 'LC',
      title: DEMO_ASSESSMENT_TITLE,
      description:
        'A demonstration: the Saint Lucia country team rates where digital government stands today, before a consensus workshop.',
      status: 'individual',
      startsOn: '2026-11-02',
      individualDueOn: '2026-12-18',
      consensusOn: '2027-01-15',
      individualOpenedAt: new Date(),
    });
    await tx.query(`INSERT INTO dgca_participant (assessment_id, user_id) VALUES ($1, $2)`, [
      assessment.id,
      learnerId,
    ]);
    return true;
  });
}
