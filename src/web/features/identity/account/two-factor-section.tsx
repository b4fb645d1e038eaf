import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesRequiringSecondFactor, type Me } from '../../../../shared/contracts/identity.js';
import { Button } from '../../../components/button/button.js';
import { Panel } from '../../../components/card/card.js';
import { QueryError } from '../../../components/query-status/query-status.js';
import { useToast } from '../../../components/toast/toast.js';
import { useConfirmTotpEnrolment, useDisableTotp, useRegenerateRecoveryCodes, useStartTotpEnrolment } from '../api.js';
import { AccountSection } from './account-section.js';
import { CodeForm } from './code-form.js';
import { RecoveryCodes } from './recovery-codes.js';
import styles from './account.module.css';

type Enrolment = { secret: string; otpauthUrl: string; qrSvg: string };

/** The server draws the QR code as SVG; shown as an image, never inserted as markup. */
function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** "JBSWY3DPEHPK3PXP" as "JBSW Y3DP EHPK 3PXP": easier to copy by hand. */
function groupInFours(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Turning two-step verification on (QR code, confirmation, recovery codes) and managing it afterwards. */
export function TwoFactorSection({ user, title }: { user: Me; title: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const startEnrolment = useStartTotpEnrolment();
  const confirmEnrolment = useConfirmTotpEnrolment();
  const disableTotp = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const enrolHeadingRef = useRef<HTMLHeadingElement>(null);
  const isRequiredByRole = user.grants.some((grant) => rolesRequiringSecondFactor.includes(grant.role));

  useEffect(() => {
    if (enrolment) enrolHeadingRef.current?.focus();
  }, [enrolment]);

  return (
    <AccountSection section="twoFactor" title={title}>
      <p>{t('account.twoFactor.intro')}</p>
      <p>
        <strong>{user.hasTotp ? t('account.twoFactor.statusOn') : t('account.twoFactor.statusOff')}</strong>
        {isRequiredByRole || user.mustEnrolSecondFactor ? ` ${t('account.twoFactor.requiredForRole')}` : null}
      </p>

      {recoveryCodes ? <RecoveryCodes codes={recoveryCodes} email={user.email} onDone={() => setRecoveryCodes(null)} /> : null}

      {!user.hasTotp && !enrolment ? (
        <>
          {startEnrolment.isError ? <QueryError error={startEnrolment.error} title={t('errors.pageHeading')} /> : null}
          <Button isBusy={startEnrolment.isPending} onClick={() => startEnrolment.mutate(undefined, { onSuccess: setEnrolment })}>
            {startEnrolment.isPending ? t('account.twoFactor.starting') : t('account.twoFactor.start')}
          </Button>
        </>
      ) : null}

      {enrolment && !user.hasTotp ? (
        <Panel>
          <h3 ref={enrolHeadingRef} tabIndex={-1}>
            {t('account.twoFactor.enrolHeading')}
          </h3>
          <p>{t('account.twoFactor.step1')}</p>
          <img className={styles.qrCode} src={svgDataUrl(enrolment.qrSvg)} alt={t('account.twoFactor.qrAlt')} width={200} height={200} />
          <p>
            {t('account.twoFactor.manualKey')}{' '}
            <code className={styles.secret} data-secret="">
              {groupInFours(enrolment.secret)}
            </code>
          </p>
          <CodeForm
            id="totp-confirm"
            hint={t('account.twoFactor.step2')}
            submitLabel={t('account.twoFactor.confirm')}
            submittingLabel={t('account.twoFactor.confirming')}
            actions={
              <Button variant="secondary" onClick={() => setEnrolment(null)}>
                {t('account.twoFactor.cancel')}
              </Button>
            }
            onSubmit={async (code) => {
              const result = await confirmEnrolment.mutateAsync({ code });
              setEnrolment(null);
              setRecoveryCodes(result.recoveryCodes);
              toast.show((tr) => tr('account.twoFactor.enabled'));
            }}
          />
        </Panel>
      ) : null}

      {user.hasTotp ? (
        <>
          <h3>{t('account.twoFactor.regenerateHeading')}</h3>
          <p>{t('account.twoFactor.regenerateIntro')}</p>
          <CodeForm
            id="recovery-codes"
            submitLabel={t('account.twoFactor.regenerate')}
            submittingLabel={t('account.twoFactor.regenerating')}
            onSubmit={async (code) => {
              const result = await regenerate.mutateAsync({ code });
              setRecoveryCodes(result.recoveryCodes);
            }}
          />
          <h3>{t('account.twoFactor.disableHeading')}</h3>
          {isRequiredByRole ? (
            <p>{t('account.twoFactor.cannotDisable')}</p>
          ) : (
            <>
              <p>{t('account.twoFactor.disableIntro')}</p>
              <CodeForm
                id="totp-disable"
                variant="danger"
                submitLabel={t('account.twoFactor.disable')}
                submittingLabel={t('account.twoFactor.disabling')}
                onSubmit={async (code) => {
                  await disableTotp.mutateAsync({ code });
                  setRecoveryCodes(null);
                  toast.show((tr) => tr('account.twoFactor.disabled'));
                }}
              />
            </>
          )}
        </>
      ) : null}
    </AccountSection>
  );
}
