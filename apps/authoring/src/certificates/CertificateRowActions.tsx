import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, useAnnounce } from '@archipelago/ui';
import { errorFor } from '../components/FormProblems';
import { useSubmit } from '../data/useSubmit';
import { ActionDialogButton } from './ActionDialogButton';
import { ReasonField } from './ReasonField';
import {
  approveCertificate,
  declineCertificate,
  reissueCertificate,
  revokeCertificate,
} from './certificates-api';
import type { CertificateAdminView } from './certificateTypes';
import { CheckboxWithHint } from '../components/CheckboxWithHint';

/** Where focus goes when an action removed the button that opened it: the table's heading. */
export const LIST_HEADING_ID = 'certificates-list-heading';

export interface CertificateRowActionsProps {
  certificate: CertificateAdminView;
  onChanged: () => void;
}

/** What an administrator may do with one certificate, depending on where it stands. */
export function CertificateRowActions({ certificate, onChanged }: CertificateRowActionsProps) {
  if (certificate.state === 'pending') {
    return (
      <div className="studio-row-actions">
        <ApproveAction certificate={certificate} onChanged={onChanged} />
        <DeclineAction certificate={certificate} onChanged={onChanged} />
      </div>
    );
  }
  const live =
    certificate.state === 'issued' && (certificate.status === 'valid' || certificate.status === 'expired');
  if (!live) return null;
  return (
    <div className="studio-row-actions">
      <RevokeAction certificate={certificate} onChanged={onChanged} />
      <ReissueAction certificate={certificate} onChanged={onChanged} />
    </div>
  );
}

function ApproveAction({ certificate, onChanged }: CertificateRowActionsProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const name = certificate.learnerName;
  return (
    <ActionDialogButton
      label={t('certificates.approve.button')}
      ariaLabel={t('certificates.approve.buttonFor', { name })}
      variant="primary"
      dialogTitle={t('certificates.approve.title', { name })}
      submitLabel={t('certificates.approve.button')}
      submit={submit}
      fieldIds={{}}
      focusAfterId={LIST_HEADING_ID}
      onSubmit={async () => {
        const result = await submit.run(() => approveCertificate(certificate.id));
        if (!result.ok) return false;
        announce(t('certificates.approve.done', { name }));
        onChanged();
        return true;
      }}
    >
      <p>{t('certificates.approve.body', { name })}</p>
    </ActionDialogButton>
  );
}

function DeclineAction({ certificate, onChanged }: CertificateRowActionsProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const name = certificate.learnerName;
  return (
    <ActionDialogButton
      label={t('certificates.decline.button')}
      ariaLabel={t('certificates.decline.buttonFor', { name })}
      variant="secondary"
      dialogTitle={t('certificates.decline.title', { name })}
      submitLabel={t('certificates.decline.button')}
      submitVariant="danger"
      submit={submit}
      fieldIds={{ reason: 'certificate-decline-reason' }}
      focusAfterId={LIST_HEADING_ID}
      onOpen={() => setReason('')}
      onSubmit={async () => {
        const result = await submit.run(() => declineCertificate(certificate.id, { reason: reason.trim() }));
        if (!result.ok) return false;
        announce(t('certificates.decline.done', { name }));
        onChanged();
        return true;
      }}
    >
      <p>{t('certificates.decline.body', { name })}</p>
      <ReasonField
        id="certificate-decline-reason"
        hint={t('certificates.decline.reasonHint')}
        value={reason}
        onChange={setReason}
        problem={submit.problem}
      />
    </ActionDialogButton>
  );
}

function RevokeAction({ certificate, onChanged }: CertificateRowActionsProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const [reasonPublic, setReasonPublic] = useState(false);
  const name = certificate.learnerName;
  return (
    <ActionDialogButton
      label={t('certificates.revoke.button')}
      ariaLabel={t('certificates.revoke.buttonFor', { name })}
      variant="danger"
      dialogTitle={t('certificates.revoke.title', { name })}
      submitLabel={t('certificates.revoke.button')}
      submitVariant="danger"
      submit={submit}
      fieldIds={{ reason: 'certificate-revoke-reason', reasonPublic: 'certificate-revoke-public' }}
      focusAfterId={LIST_HEADING_ID}
      onOpen={() => {
        setReason('');
        setReasonPublic(false);
      }}
      onSubmit={async () => {
        const result = await submit.run(() =>
          revokeCertificate(certificate.id, { reason: reason.trim(), reasonPublic }),
        );
        if (!result.ok) return false;
        announce(t('certificates.revoke.done', { name }));
        onChanged();
        return true;
      }}
    >
      <p>{t('certificates.revoke.body', { name })}</p>
      <ReasonField
        id="certificate-revoke-reason"
        hint={t('certificates.revoke.reasonHint')}
        value={reason}
        onChange={setReason}
        problem={submit.problem}
      />
      <CheckboxWithHint
        id="certificate-revoke-public"
        label={t('certificates.revoke.public')}
        hint={t('certificates.revoke.publicHint')}
        checked={reasonPublic}
        onChange={setReasonPublic}
      />
    </ActionDialogButton>
  );
}

function ReissueAction({ certificate, onChanged }: CertificateRowActionsProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [learnerName, setLearnerName] = useState(certificate.learnerName);
  const [reason, setReason] = useState('');
  const name = certificate.learnerName;
  return (
    <ActionDialogButton
      label={t('certificates.reissue.button')}
      ariaLabel={t('certificates.reissue.buttonFor', { name })}
      variant="secondary"
      dialogTitle={t('certificates.reissue.title', { name })}
      submitLabel={t('certificates.reissue.submit')}
      submit={submit}
      fieldIds={{ learnerName: 'certificate-reissue-name', reason: 'certificate-reissue-reason' }}
      focusAfterId={LIST_HEADING_ID}
      onOpen={() => {
        setLearnerName(certificate.learnerName);
        setReason('');
      }}
      onSubmit={async () => {
        const result = await submit.run(() =>
          reissueCertificate(certificate.id, { learnerName: learnerName.trim(), reason: reason.trim() }),
        );
        if (!result.ok) return false;
        announce(t('certificates.reissue.done', { name: learnerName.trim() }));
        onChanged();
        return true;
      }}
    >
      <p>{t('certificates.reissue.body')}</p>
      <FormField
        id="certificate-reissue-name"
        label={t('certificates.reissue.name')}
        hint={t('certificates.reissue.nameHint')}
        error={errorFor(submit.problem, 'learnerName')}
      >
        <input
          className="arch-input"
          required
          maxLength={200}
          autoComplete="off"
          value={learnerName}
          onChange={(event) => setLearnerName(event.target.value)}
        />
      </FormField>
      <ReasonField
        id="certificate-reissue-reason"
        hint={t('certificates.reissue.reasonHint')}
        value={reason}
        onChange={setReason}
        problem={submit.problem}
      />
    </ActionDialogButton>
  );
}
