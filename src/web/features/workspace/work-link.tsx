import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../app/paths.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { useSession } from '../identity/session.js';
import { useWorkspace } from './api.js';
import styles from './work-link.module.css';

/** The signed-in person's open work, as a number the header shows (on the menu button too). */
export function useOpenWorkCount(): number {
  const session = useSession();
  const workspace = useWorkspace(Boolean(session.data?.user));
  return session.data?.user ? (workspace.data?.openCount ?? 0) : 0;
}

/** A count badge; the words for screen readers come with it. */
export function OpenWorkBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (count === 0) return null;
  return (
    <>
      <span className={styles.count} aria-hidden="true" data-open-work={count}>
        {formatNumber(count, locale)}
      </span>
      <span className="visually-hidden">{t('header.openWork', { total: formatNumber(count, locale) })}</span>
    </>
  );
}

/** "Việc của tôi" with the count of open items, for signed-in people; nothing for visitors. */
export function WorkLink({ className }: { className?: string | undefined }) {
  const { t } = useTranslation();
  const session = useSession();
  const count = useOpenWorkCount();
  if (!session.data?.user) return null;
  return (
    <NavLink to={paths.workspace} className={className}>
      <span>{t('nav.workspace')}</span>
      <OpenWorkBadge count={count} />
    </NavLink>
  );
}
