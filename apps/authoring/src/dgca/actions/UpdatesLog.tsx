import { useTranslation } from 'react-i18next';
import type { ActionView } from './actionTypes';
import type { ActionWords } from './useActionWords';

/** An action's progress updates, newest first, each with who wrote it, when, and what it changed. */
export function UpdatesLog({ action, words }: { action: ActionView; words: ActionWords }) {
  const { t } = useTranslation();
  const headingId = `action-log-${action.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('dgcaActions:log.title')}</h3>
      {action.updates.length === 0 ? (
        <p>{t('dgcaActions:log.none')}</p>
      ) : (
        <ol className="action-log">
          {action.updates.map((update) => {
            const changes = [
              update.status ? t('dgcaActions:log.status', { status: words.status(update.status) }) : null,
              update.progress !== null
                ? t('dgcaActions:log.progress', { progress: words.progress(update.progress) })
                : null,
            ].filter((change) => change !== null);
            return (
              <li key={update.id}>
                <p className="action-log__meta">
                  {t('dgcaActions:log.meta', {
                    time: words.instant(update.createdAt),
                    author: update.author?.displayName ?? t('dgcaActions:log.formerUser'),
                  })}
                  {changes.length > 0 ? ` · ${changes.join(' · ')}` : null}
                </p>
                <p className="action-log__comment">{update.comment}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
