import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../accounts/membership.entity.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { CourseSeeder } from './course-seeder.js';
import { seedDemoAssessment } from './demo-assessment.js';
import { seedDgcaRecommendations } from './demo-dgca-recommendations.js';
import { DEMO_ACCOUNTS, DEMO_COURSE_OWNER, DEMO_INSTITUTIONS } from './demo-data.js';

export interface SeedReport {
  institutionsCreated: number;
  accountsCreated: number;
  coursesCreated: number;
}

/** Loads the demo data through each module's service; running it again changes nothing. */
@Injectable()
export class SeedService {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly accounts: AccountsService,
    private readonly courses: CourseSeeder,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async run(): Promise<SeedReport> {
    const ids = new Map<string, string>();
    let institutionsCreated = 0;
    for (const institution of DEMO_INSTITUTIONS) {
      const { id, created } = await this.institutions.ensure(institution);
      ids.set(institution.slug, id);
      if (created) institutionsCreated += 1;
    }
    let accountsCreated = 0;
    const accountIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const institutionId = account.institutionSlug ? ids.get(account.institutionSlug) : undefined;
      const { id, created } = await this.accounts.ensure({
        email: account.email,
        displayName: account.displayName,
        password: account.password,
        preferredLanguage: 'en',
        isPlatformAdmin: account.role === 'platform_admin',
        membership:
          institutionId && account.role !== 'platform_admin'
            ? { institutionId, role: account.role }
            : undefined,
      });
      accountIds.set(account.email, id);
      if (created) accountsCreated += 1;
    }
    const coursesCreated = await this.courses.run(this.courseAuthor(ids, accountIds));
    await seedDgcaRecommendations(this.db);
    await seedDemoAssessment(this.db, ids, accountIds);
    return { institutionsCreated, accountsCreated, coursesCreated };
  }

  /** The shipped courses belong to the Saint Lucia centre, written by its demo trainer. */
  private courseAuthor(institutionIds: Map<string, string>, accountIds: Map<string, string>) {
    const trainer = DEMO_ACCOUNTS.find(
      (a) => a.role === InstitutionRole.Trainer && a.institutionSlug === DEMO_COURSE_OWNER,
    );
    const institution = DEMO_INSTITUTIONS.find((i) => i.slug === DEMO_COURSE_OWNER);
    const userId = trainer && accountIds.get(trainer.email);
    const institutionId = institutionIds.get(DEMO_COURSE_OWNER);
    if (!trainer || !institution || !userId || !institutionId) {
      throw new Error(`the demo data needs a trainer of ${DEMO_COURSE_OWNER} to own the shipped courses`);
    }
    return {
      userId,
      email: trainer.email,
      displayName: trainer.displayName,
      institutionId,
      institutionName: institution.name,
    };
  }
}
