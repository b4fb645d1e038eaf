import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { notificationSchema } from '../../../../shared/contracts/identity.js';
import { Button, buttonClass, ButtonRow } from '../../../components/button/button.js';
import { EmptyState } from '../../../components/empty-state/empty-state.js';
import { WriteError } from '../../../components/notice/notice.js';
import { Loading, QueryError } from '../../../components/query-status/query-status.js';
import { StatusTag } from '../../../components/status-tag/status-tag.js';
import { useToast } from '../../../components/toast/toast.js';
import { formatDateTime, formatNumber } from '../../../i18n/format.js';
import { useLocale, useLocalized } from '../../../i18n/use-locale.js';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../../notifications/api.js';
import { AccountSection } from './account-section.js';
import styles from './account.module.css';

type Notification = z.infer<typeof notificationSchema>;

/** The latest notifications, unread ones marked in words as well as in style. */
export function NotificationsSection({ title }: { title: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toast = useToast();
  const notifications = useNotifications(true);
  const markAllRead = useMarkAllNotificationsRead();
  const unreadCount = notifications.data?.unreadCount ?? 0;

  return (
    <AccountSection section="notifications" title={title}>
      {notifications.isPending ? <Loading /> : null}
      {notifications.isError ? <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} /> : null}
      {notifications.data ? (
        <>
          <div className={styles.toolbar}>
            <p>{t('account.notifications.unreadSummary', { total: formatNumber(unreadCount, locale) })}</p>
            {unreadCount > 0 ? (
              <Button
                variant="secondary"
                isBusy={markAllRead.isPending}
                onClick={() => markAllRead.mutate(undefined, { onSuccess: () => toast.show((tr) => tr('account.notifications.allRead')) })}
              >
                {t('account.notifications.markAllRead')}
              </Button>
            ) : null}
          </div>
          <WriteError error={markAllRead.error} />
          {notifications.data.items.length === 0 ? (
            <EmptyState title={t('account.notifications.empty')}>{t('account.notifications.emptyNext')}</EmptyState>
          ) : (
            <ul className="plain-list" data-list="notifications">
              {notifications.data.items.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem notification={notification} />
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </AccountSection>
  );
}

/** Links inside the app go through the router; anything else is not linked. */
function isAppPath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/api/');
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const markRead = useMarkNotificationRead();
  const isUnread = notification.readAt === null;

  return (
    <article className={[styles.notification, isUnread ? styles.unread : undefined].filter(Boolean).join(' ')}>
      <h3>
        {isUnread ? <StatusTag tone="info">{t('account.notifications.unread')}</StatusTag> : null} {localized(notification.title)}
      </h3>
      <p className={styles.meta}>{t('account.notifications.receivedOn', { date: formatDateTime(notification.createdAt, locale) })}</p>
      <p>{localized(notification.body)}</p>
      <ButtonRow>
        {notification.url && isAppPath(notification.url) ? (
          <Link to={notification.url} className={buttonClass('secondary')}>
            {t('account.notifications.open')}
            <span className="visually-hidden">: {localized(notification.title)}</span>
          </Link>
        ) : null}
        {isUnread ? (
          <Button variant="secondary" isBusy={markRead.isPending} onClick={() => markRead.mutate(notification.id)}>
            {t('account.notifications.markRead')}
            <span className="visually-hidden">: {localized(notification.title)}</span>
          </Button>
        ) : null}
      </ButtonRow>
      <WriteError error={markRead.error} />
    </article>
  );
}
