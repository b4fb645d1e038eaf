import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/client.js';
import { useLocale } from '../../i18n/use-locale.js';
import { describeError } from '../query-status/describe-error.js';
import styles from './notice.module.css';

type NoticeProps = {
  tone: 'error' | 'success' | 'warning' | 'info';
  title?: string;
  /** `alert` for a failure that just happened, `status` for news; none for what the page simply says. */
  role?: 'alert' | 'status';
  children?: ReactNode;
};

/** A message in a box, inside the page's flow (a failure, a warning, a fact to notice). */
export function Notice({ tone, title, role, children }: NoticeProps) {
  return (
    <div className={`${styles.notice} ${styles[tone]}`} role={role}>
      {title ? <p className={styles.title}>{title}</p> : null}
      {typeof children === 'string' ? <p>{children}</p> : children}
    </div>
  );
}

/**
 * A failed write (a button's request), announced; nothing when there is no error. An edit made from
 * a version someone has since changed offers to load theirs, so the person reviews it before saving again.
 */
export function WriteError({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  if (!error) return null;
  if (isStaleVersion(error)) {
    return (
      <Notice tone="warning" role="alert" title={title}>
        <p>{t('errors.staleVersion')}</p>
        <button type="button" onClick={() => void queryClient.invalidateQueries()}>
          {t('errors.reviewChange')}
        </button>
      </Notice>
    );
  }
  return (
    <Notice tone="error" role="alert" title={title}>
      {describeError(error, locale, t)}
    </Notice>
  );
}
