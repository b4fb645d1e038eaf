import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { notificationSchema } from '../../../../shared/contracts/identity.js';
import { Loading, QueryError, describeError } from '../../../components/query-status.js';
import { formatDate, formatNumber } from '../../../i18n/format.js';
import { useLocale, useLocalized } from '../../../i18n/use-locale.js';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../../notifications/api.js';
import { AccountSection } from './account-section.js';

type Notification = z.infer<typeof notificationSchema>;

/** The latest notifications, unread ones marked in words as well as in style. */
export function NotificationsSection({ title }: { title: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notifications = useNotifications(true);
  const markAllRead = useMarkAllNotificationsRead();
  const [status, setStatus] = useState('');
  const unreadCount = notifications.data?.unreadCount ?? 0;

  return (
    <AccountSection section="notifications" title={title}>
      <p role="status" className="form__status">
        {status}
      </p>
      {notifications.isPending ? <Loading /> : null}
      {notifications.isError ? <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} /> : null}
      {notifications.data ? (
        <>
          <div className="section-toolbar">
            <p className="section-toolbar__summary">{t('account.notifications.unreadSummary', { total: formatNumber(unreadCount, locale) })}</p>
            {unreadCount > 0 ? (
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={markAllRead.isPending || undefined}
                onClick={() => {
                  if (!markAllRead.isPending) markAllRead.mutate(undefined, { onSuccess: () => setStatus(t('account.notifications.allRead')) });
                }}
              >
                {t('account.notifications.markAllRead')}
              </button>
            ) : null}
          </div>
          {markAllRead.isError ? (
            <p className="field__error" role="alert">
              {describeError(markAllRead.error, locale, t)}
            </p>
          ) : null}
          {notifications.data.items.length === 0 ? (
            <p className="muted">{t('account.notifications.empty')}</p>
          ) : (
            <ul className="plain-list notification-list">
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
    <article className={`notification${isUnread ? ' notification--unread' : ''}`}>
      <h3 className="notification__title">
        {isUnread ? <span className="tag tag--info">{t('account.notifications.unread')}</span> : null}{' '}
        {localized(notification.title)}
      </h3>
      <p className="notification__meta">{t('account.notifications.receivedOn', { date: formatDate(notification.createdAt, locale) })}</p>
      <p>{localized(notification.body)}</p>
      <div className="button-row">
        {notification.url && isAppPath(notification.url) ? (
          <Link to={notification.url} className="button button--secondary">
            {t('account.notifications.open')}
            <span className="visually-hidden">: {localized(notification.title)}</span>
          </Link>
        ) : null}
        {isUnread ? (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={markRead.isPending || undefined}
            onClick={() => {
              if (!markRead.isPending) markRead.mutate(notification.id);
            }}
          >
            {t('account.notifications.markRead')}
            <span className="visually-hidden">: {localized(notification.title)}</span>
          </button>
        ) : null}
      </div>
      {markRead.isError ? (
        <p className="field__error" role="alert">
          {describeError(markRead.error, locale, t)}
        </p>
      ) : null}
    </article>
  );
}
