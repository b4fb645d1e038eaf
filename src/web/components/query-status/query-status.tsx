import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.js';
import { Button } from '../button/button.js';
import { Notice } from '../notice/notice.js';
import { describeError } from './describe-error.js';
import styles from './query-status.module.css';

export { describeError } from './describe-error.js';

type LoadingProps = {
  label?: string;
  /** When another live region already announces the loading, show it without announcing twice. */
  quiet?: boolean;
};

/** A polite status message while data loads. */
export function Loading({ label, quiet = false }: LoadingProps) {
  const { t } = useTranslation();
  return (
    <p className={styles.loading} role={quiet ? undefined : 'status'}>
      <span className={styles.spinner} aria-hidden="true" />
      {label ?? t('status.loading')}
    </p>
  );
}

type QueryErrorProps = {
  error: unknown;
  onRetry?: () => void;
  /** What failed, when it is not loading data ("Your e-mail address could not be verified"). */
  title?: string;
};

/** An alert carrying the API's own message (or a generic one), with a retry button. */
export function QueryError({ error, onRetry, title }: QueryErrorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div role="alert">
      <Notice tone="error" title={title ?? t('status.errorTitle')}>
        <p>{describeError(error, locale, t)}</p>
        {onRetry ? (
          <Button variant="secondary" onClick={onRetry}>
            {t('status.retry')}
          </Button>
        ) : null}
      </Notice>
    </div>
  );
}
