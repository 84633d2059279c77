import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  COURSE_COMPLETED,
  type CourseCompletedPayload,
  type DomainEvent,
} from '../../events/domain-event.js';
import { missedCompletions } from './certificate-sources.query.js';
import { servesHttp } from '../../common/http/serving-process.js';
import { CertificatesService } from './certificates.service.js';

/** How many missed completions one start-up catches up; the rest wait for the next start. */
const CATCH_UP_LIMIT = 500;

/**
 * Certificates for completions: issued (or held for approval) when course.completed is
 * announced, and, at start-up, for completions whose announcement this process never heard (it
 * stopped between the commit and the listener, or certificates did not exist yet).
 */
@Injectable()
export class CompletionListener implements OnApplicationBootstrap {
  private readonly logger = new Logger('Certificates');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly certificates: CertificatesService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  @OnEvent(COURSE_COMPLETED)
  async onCourseCompleted(event: DomainEvent<CourseCompletedPayload>): Promise<void> {
    await this.issueFor(event.payload.courseId, event.payload.userId);
  }

  onApplicationBootstrap(): void {
    if (!servesHttp(this.adapterHost)) return;
    // In the background: a long catch-up must not hold the API's start.
    this.catchUp().catch((error: unknown) =>
      this.logger.error(`Catching up certificates for earlier completions failed: ${String(error)}`),
    );
  }

  /** Issues what missed completions are owed; answers how many it looked at. */
  async catchUp(): Promise<number> {
    const missed = await missedCompletions(this.db.manager, CATCH_UP_LIMIT);
    for (const { courseId, userId } of missed) await this.issueFor(courseId, userId);
    if (missed.length > 0)
      this.logger.log(`Caught up certificates for ${missed.length} earlier completion(s)`);
    return missed.length;
  }

  /**
   * Issues without drawing the PDF: drawing is ~100 ms of synchronous work on the event loop,
   * which every request of the API would wait behind each time a learner completes a course.
   * The PDF is drawn and stored on its first download instead (CertificatePdfs.open).
   */
  private async issueFor(courseId: string, userId: string): Promise<void> {
    await this.certificates.issue({ courseId, userId, source: 'automatic', actorId: null, reason: null });
  }
}
