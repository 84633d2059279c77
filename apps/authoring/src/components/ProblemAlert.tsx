import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '@archipelago/ui';
import type { Problem } from '../data/problem';
import { signInPath } from '../session/nextPath';

const KNOWN = new Set([400, 401, 403, 404, 409, 410, 422, 429]);

/** The translation key that explains a failed call; the server's own detail is shown beneath it. */
export function problemKey(problem: Problem): string {
  if (problem.status === null) return 'problem.unreachable';
  if (KNOWN.has(problem.status)) return `problem.status${problem.status}`;
  return 'problem.other';
}

export interface ProblemAlertProps {
  problem: Problem;
  /** Heading, e.g. "The outbox could not be loaded". */
  title: string;
  onRetry?: () => void;
  headingLevel?: 2 | 3;
}

/** A failed load or action, explained in the reader's language, with a way to try again. */
export function ProblemAlert({ problem, title, onRetry, headingLevel }: ProblemAlertProps) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Alert title={title} headingLevel={headingLevel}>
      <p>{t(problemKey(problem))}</p>
      {problem.detail ? <p>{problem.detail}</p> : null}
      {problem.status === 401 ? (
        // The session ended elsewhere (signed out in another tab, deactivated): offer the way back.
        <p>
          <Link to={signInPath(`${location.pathname}${location.search}`)}>{t('problem.signInAgain')}</Link>
        </p>
      ) : null}
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {t('problem.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
