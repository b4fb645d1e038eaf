import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonRow } from '../../../components/button/button.js';
import { Panel } from '../../../components/card/card.js';
import styles from './account.module.css';

/** Saves text as a file through a temporary link; nothing leaves the browser. */
function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type RecoveryCodesProps = { codes: readonly string[]; email: string; onDone: () => void };

/** The recovery codes, shown once, with a download and an "I have saved them" button. */
export function RecoveryCodes({ codes, email, onDone }: RecoveryCodesProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const handleDownload = () => {
    const lines = [t('account.recoveryCodes.fileTitle', { email }), t('account.recoveryCodes.fileNote'), '', ...codes, ''];
    downloadText('doimoi-recovery-codes.txt', lines.join('\n'));
  };

  return (
    <Panel tone="highlight">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('account.recoveryCodes.heading')}
      </h3>
      <p>{t('account.recoveryCodes.intro')}</p>
      <ol className={styles.codeList} aria-label={t('account.recoveryCodes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <ButtonRow>
        <Button variant="secondary" onClick={handleDownload}>
          {t('account.recoveryCodes.download')}
        </Button>
        <Button onClick={onDone}>{t('account.recoveryCodes.done')}</Button>
      </ButtonRow>
    </Panel>
  );
}
