import { useTranslation } from 'react-i18next';
import type { ScormTocItem } from './scorm-api';
import { statusOf } from './toc-items';

interface ScormTocProps {
  tree: ScormTocItem[];
  currentId: string | null;
  /** Whether the package lets the learner pick a part (choice control mode). */
  choice: boolean;
  busy: boolean;
  onChoose: (identifier: string) => void;
}

/**
 * The package's table of contents as nested lists: a part the learner may open is a button, the
 * others are text saying why not; each says its status, and the part on screen is marked current.
 */
export function ScormToc({ tree, currentId, choice, busy, onChoose }: ScormTocProps) {
  const { t } = useTranslation();
  return (
    <nav className="scorm-toc" aria-label={t('scorm:toc')}>
      <h2 className="scorm-toc__title">{t('scorm:toc')}</h2>
      <TocList items={tree} currentId={currentId} choice={choice} busy={busy} onChoose={onChoose} />
    </nav>
  );
}

function TocList({ items, ...rest }: Omit<ScormTocProps, 'tree'> & { items: ScormTocItem[] }) {
  const shown = items.filter((item) => item.visible);
  if (shown.length === 0) return null;
  return (
    <ul className="scorm-toc__list">
      {shown.map((item) => (
        <TocEntry key={item.identifier} item={item} {...rest} />
      ))}
    </ul>
  );
}

function TocEntry({
  item,
  currentId,
  choice,
  busy,
  onChoose,
}: Omit<ScormTocProps, 'tree'> & { item: ScormTocItem }) {
  const { t } = useTranslation();
  const current = item.identifier === currentId;
  const status = <span className="scorm-toc__status">{t(`scorm:status.${statusOf(item)}`)}</span>;
  const why = !item.launchable
    ? null
    : item.disabled
      ? t('scorm:why.disabled')
      : !choice
        ? t('scorm:why.noChoice')
        : item.hiddenFromChoice
          ? t('scorm:why.hidden')
          : null;
  const operable = item.launchable && why === null;
  return (
    <li className={current ? 'scorm-toc__item scorm-toc__item--current' : 'scorm-toc__item'}>
      {operable ? (
        <button
          type="button"
          className="scorm-toc__choice"
          aria-current={current ? 'step' : undefined}
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => (busy ? undefined : onChoose(item.identifier))}
        >
          <span className="scorm-toc__name">{item.title}</span> {status}
        </button>
      ) : (
        <span className="scorm-toc__text" aria-current={current ? 'step' : undefined}>
          <span className="scorm-toc__name">{item.title}</span> {status}
          {why ? <span className="scorm-toc__why"> ({why})</span> : null}
        </span>
      )}
      <TocList items={item.children} currentId={currentId} choice={choice} busy={busy} onChoose={onChoose} />
    </li>
  );
}
