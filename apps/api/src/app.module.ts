import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountSecurityModule } from './account-security/account-security.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { PrincipalChanges } from './auth/principal-changes.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { ClientErrorsModule } from './client-errors/client-errors.module.js';
import { CoursesModule } from './courses/courses.module.js';
import { LessonsModule } from './lessons/lessons.module.js';
import { LearningModule } from './learning/learning.module.js';
import { QuestionBankModule } from './quizzes/bank/question-bank.module.js';
import { QuizAttemptsModule } from './quizzes/attempts/quiz-attempts.module.js';
import { QuizResultsModule } from './quizzes/results/quiz-results.module.js';
import { ScormPackagesModule } from './scorm/packages/scorm-packages.module.js';
import { ScormRuntimeModule } from './scorm/runtime/scorm-runtime.module.js';
import { CertificateTemplatesModule } from './certificates/templates/certificate-templates.module.js';
import { CertificatesModule } from './certificates/certificates.module.js';
import { CertificateBatchesModule } from './certificates/batches/certificate-batches.module.js';
import { CohortsModule } from './cohorts/cohorts.module.js';
import { EventsModule } from './events/events.module.js';
import { FilesModule } from './files/files.module.js';
import { AccessGuard } from './common/access/access.guard.js';
import { RouteTable } from './common/access/route-table.js';
import { ProblemFilter } from './common/problem/problem.filter.js';
import { ProblemValidationPipe } from './common/problem/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/config.token.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { HealthModule } from './health/health.module.js';
import { InstitutionsModule } from './institutions/institutions.module.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { ProfileModule } from './profile/profile.module.js';
import { SeedModule } from './seed/seed.module.js';
import { UsersModule } from './users/users.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { DgcaModule } from './dgca/dgca.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The resolved connection string (DATABASE_URL, or the embedded server's). */
  databaseUrl: string;
  logger: Logger;
}

/** The domain modules of the API; each owns its tables and talks to others through services. */
export const DOMAIN_MODULES = [
  HealthModule,
  RateLimitModule,
  AuditModule,
  NotificationsModule,
  AuthModule,
  InstitutionsModule,
  AccountsModule,
  UsersModule,
  InvitationsModule,
  SettingsModule,
  AccountSecurityModule,
  ProfileModule,
  ClientErrorsModule,
  FilesModule,
  EventsModule,
  CoursesModule,
  LessonsModule,
  LearningModule,
  QuestionBankModule,
  QuizAttemptsModule,
  QuizResultsModule,
  ScormPackagesModule,
  ScormRuntimeModule,
  CertificateTemplatesModule,
  CertificatesModule,
  CertificateBatchesModule,
  CohortsModule,
  ReportsModule,
  DgcaModule,
];

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, logger }: AppModuleOptions): DynamicModule {
    const principalChanges = new PrincipalChanges(databaseUrl, logger);
    return {
      module: AppModule,
      global: true,
      imports: [
        DiscoveryModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions(
            databaseUrl,
            config.DATABASE_POOL_SIZE,
            logger,
            principalChanges.onPoolConnect,
          ),
          autoLoadEntities: true,
          retryAttempts: 0,
        }),
        ...DOMAIN_MODULES,
        SeedModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PrincipalChanges, useValue: principalChanges },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useClass: ProblemValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        RouteTable,
      ],
      exports: [APP_CONFIG, PrincipalChanges, RouteTable],
    };
  }
}
