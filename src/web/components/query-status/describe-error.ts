import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/contracts/common.js';
import { ApiError } from '../../api/client.js';
import { pickLocalized } from '../../i18n/use-locale.js';

function retryAfterSeconds(error: ApiError): number | null {
  const details = error.details;
  if (error.code !== 'RATE_LIMITED' || typeof details !== 'object' || details === null) return null;
  const seconds = (details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/** What a 404 says is missing (the server's `details.what`), so a page names it without its id. */
function missingThing(error: ApiError): { vi: string; en: string } | null {
  const what = (error.details as { what?: unknown } | null | undefined)?.what;
  if (error.code !== 'NOT_FOUND' || typeof what !== 'object' || what === null) return null;
  const { vi, en } = what as { vi?: unknown; en?: unknown };
  return typeof vi === 'string' && typeof en === 'string' ? { vi, en } : null;
}

/** The message to show for a failed request, in the visitor's language. */
export function describeError(error: unknown, locale: Locale, t: TFunction): string {
  if (error instanceof ApiError) {
    const seconds = retryAfterSeconds(error);
    if (seconds !== null) return t('errors.rateLimited', { seconds });
    if (error.code === 'STALE_VERSION') return t('errors.staleVersion');
    const missing = missingThing(error);
    if (missing) return t('errors.notFound', { what: pickLocalized(missing, locale) });
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
