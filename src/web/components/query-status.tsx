import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/contracts/common.js';
import { ApiError } from '../api/client.js';
import { pickLocalized, useLocale } from '../i18n/use-locale.js';

function retryAfterSeconds(error: ApiError): number | null {
  const details = error.details;
  if (error.code !== 'RATE_LIMITED' || typeof details !== 'object' || details === null) return null;
  const seconds = (details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/** The message to show for a failed request, in the visitor's language. */
export function describeError(error: unknown, locale: Locale, t: TFunction): string {
  if (error instanceof ApiError) {
    const seconds = retryAfterSeconds(error);
    if (seconds !== null) return t('errors.rateLimited', { seconds });
    if (error.localizedMessage) return pickLocalized(error.localizedMessage, locale);
    switch (error.kind) {
      case 'network':
        return t('errors.network');
      case 'invalid_response':
        return t('errors.invalidResponse');
      default:
        return error.status === null ? t('errors.unknown') : t('errors.http', { status: error.status });
    }
  }
  return t('errors.unknown');
}

type LoadingProps = {
  label?: string;
  /** When another live region already announces the loading, show it without announcing twice. */
  quiet?: boolean;
};

/** A polite status message while data loads. */
export function Loading({ label, quiet = false }: LoadingProps) {
  const { t } = useTranslation();
  return (
    <p className="status-message status-message--loading" role={quiet ? undefined : 'status'}>
      <span className="spinner" aria-hidden="true" />
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
    <div className="status-message status-message--error" role="alert">
      <p className="status-message__title">{title ?? t('status.errorTitle')}</p>
      <p>{describeError(error, locale, t)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('status.retry')}
        </button>
      ) : null}
    </div>
  );
}
