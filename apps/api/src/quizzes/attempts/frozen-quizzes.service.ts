import { Injectable } from '@nestjs/common';
import { PublishedVersionsService } from '../../courses/published-versions.service.js';
import type { FrozenQuiz } from './frozen-quiz.js';
import { QUIZ_KIND } from './quiz.kind.js';

const MAX_CACHED = 2000;

/** Published quizzes by version and activity; a published version never changes, so they stay in memory. */
@Injectable()
export class FrozenQuizzes {
  private readonly cache = new Map<string, FrozenQuiz>();

  constructor(private readonly versions: PublishedVersionsService) {}

  /** The quiz as the version froze it; null when the version holds no quiz with this id. */
  async get(versionId: string, activityId: string): Promise<FrozenQuiz | null> {
    const key = `${versionId}:${activityId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const stored = await this.versions.activityContent(versionId, activityId);
    if (!stored || stored.kind !== QUIZ_KIND) return null;
    const quiz = stored.content as unknown as FrozenQuiz;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, quiz);
    return quiz;
  }

  /** For attempts, whose quiz exists by construction. */
  async of(attempt: { versionId: string; activityId: string }): Promise<FrozenQuiz> {
    const quiz = await this.get(attempt.versionId, attempt.activityId);
    if (!quiz) throw new Error(`version ${attempt.versionId} holds no quiz ${attempt.activityId}`);
    return quiz;
  }

  /** The activity's title in that version, for learners' pages. */
  async title(versionId: string, activityId: string): Promise<string> {
    const outline = await this.versions.outline(versionId);
    const at = outline.positions.get(activityId);
    return at === undefined ? '' : outline.sequence[at]!.activity.title;
  }
}
