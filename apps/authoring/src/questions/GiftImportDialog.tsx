import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, FormField, useAnnounce } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { useSubmit } from '../data/useSubmit';
import { giftProblemsOf, importGift, type GiftImportResult, type QuestionCategory } from './questions-api';

export interface GiftImportDialogProps {
  open: boolean;
  courseId: string;
  categories: QuestionCategory[];
  onClose: () => void;
  onImported: () => void;
}

/**
 * Import Moodle GIFT: pick a file or paste the text, check it (a dry run: how many questions are
 * readable, and each problem with its line), then import. With problems the readable questions are
 * imported only after the author says so explicitly; nothing is imported behind their back.
 */
export function GiftImportDialog({ open, courseId, categories, onClose, onImported }: GiftImportDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const announce = useAnnounce();
  const check = useSubmit();
  const send = useSubmit();
  const [gift, setGift] = useState('');
  const [category, setCategory] = useState('');
  const [preview, setPreview] = useState<GiftImportResult | null>(null);
  const [accept, setAccept] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>(undefined);

  const changed = (text: string) => {
    setGift(text);
    setPreview(null);
    setAccept(false);
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileError(undefined);
    if (!file) return;
    try {
      changed(await file.text());
    } catch {
      setFileError(t('questions.import.fileUnreadable'));
    }
  };

  const close = () => {
    setGift('');
    setCategory('');
    setPreview(null);
    setAccept(false);
    check.clear();
    send.clear();
    onClose();
  };

  const body = () => ({ gift, ...(category.trim() ? { category: category.trim() } : {}) });

  const runCheck = async () => {
    const result = await check.run(async () => {
      const answer = await importGift(courseId, { ...body(), dryRun: true });
      const problems = answer.response.status === 422 ? giftProblemsOf(answer.error) : undefined;
      // Nothing readable at all is a 422 listing the problems: for this dialog that is a result to
      // show like any other preview, not a failure of the check.
      if (problems) {
        const data: GiftImportResult = { imported: 0, questions: [], problems };
        return { data, response: new Response(null, { status: 200 }) };
      }
      return answer;
    });
    if (result.ok && result.data) {
      setPreview(result.data);
      setAccept(false);
      announce(
        t('questions.import.checked', {
          readable: result.data.questions.length,
          problems: result.data.problems.length,
        }),
      );
    }
  };

  const runImport = async () => {
    const result = await send.run(() =>
      importGift(courseId, { ...body(), acceptProblems: (preview?.problems.length ?? 0) > 0 && accept }),
    );
    if (result.ok && result.data) {
      announce(t('questions.import.done', { imported: result.data.imported }));
      onImported();
      close();
    }
  };

  // A dry run imports nothing: what it could import is the list of readable questions.
  const readable = preview?.questions.length ?? 0;
  const problems = preview?.problems ?? [];
  const canImport = preview !== null && readable > 0 && (problems.length === 0 || accept);

  return (
    <Dialog open={open} onClose={close} title={t('questions.import.title')}>
      <p>{t('questions.import.intro')}</p>
      <FormField label={t('questions.import.file')} id={`${id}-file`} error={fileError}>
        <input type="file" accept=".gift,.txt,text/plain" onChange={(event) => void readFile(event)} />
      </FormField>
      <FormField label={t('questions.import.text')} hint={t('questions.import.textHint')} id={`${id}-text`}>
        <textarea
          className="arch-input question-gift-text"
          rows={10}
          value={gift}
          spellCheck={false}
          onChange={(event) => changed(event.target.value)}
        />
      </FormField>
      <FormField
        label={t('questions.import.category')}
        hint={t('questions.import.categoryHint')}
        id={`${id}-category`}
      >
        <input
          className="arch-input"
          list={`${id}-categories`}
          value={category}
          onChange={(event) => {
            setCategory(event.target.value);
            setPreview(null);
          }}
        />
      </FormField>
      <datalist id={`${id}-categories`}>
        {categories.map((entry) => (
          <option key={entry.name} value={entry.name} />
        ))}
      </datalist>
      <div className="arch-actions">
        <Button
          variant="secondary"
          disabled={check.busy || gift.trim() === ''}
          onClick={() => void runCheck()}
        >
          {t('questions.import.check')}
        </Button>
      </div>
      {check.problem ? (
        <ProblemAlert
          key={check.failures}
          problem={check.problem}
          title={t('questions.import.checkFailed')}
          headingLevel={3}
        />
      ) : null}
      {preview ? (
        <section className="question-import-preview" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>{t('questions.import.previewHeading')}</h3>
          <p>{t('questions.import.readable', { readable })}</p>
          {preview.questions.length > 0 ? (
            <ul>
              {preview.questions.map((question) => (
                <li key={question.line}>
                  {t('questions.import.readableQuestion', {
                    name: question.name,
                    type: t(`questions.types.${question.type}`),
                    category: question.category,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          {problems.length > 0 ? (
            <>
              <Alert
                title={t('questions.import.problemsHeading', { problems: problems.length })}
                headingLevel={3}
              >
                <ul>
                  {problems.map((problem) => (
                    <li key={`${problem.line}:${problem.message}`}>
                      {t('questions.import.problem', { line: problem.line, message: problem.message })}
                    </li>
                  ))}
                </ul>
              </Alert>
              {readable > 0 ? (
                <div className="studio-checkbox">
                  <input
                    type="checkbox"
                    id={`${id}-accept`}
                    checked={accept}
                    onChange={(event) => setAccept(event.target.checked)}
                  />
                  <label htmlFor={`${id}-accept`}>{t('questions.import.accept', { readable })}</label>
                </div>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
      {send.problem ? (
        <ProblemAlert
          key={send.failures}
          problem={send.problem}
          title={t('questions.import.failed')}
          headingLevel={3}
        />
      ) : null}
      <div className="arch-actions">
        <Button disabled={!canImport || send.busy} onClick={() => void runImport()}>
          {t('questions.import.import', { readable })}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t('confirm.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
