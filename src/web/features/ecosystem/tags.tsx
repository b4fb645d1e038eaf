import { useTranslation } from 'react-i18next';
import { StatusTag, TagGroup } from '../../components/status-tag/status-tag.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';

/** What a profile's public page and card say about trust: verified (with the date), unconfirmed, illustrative. */
export function ProfileTags({
  verifiedAt,
  isUnconfirmed,
  isIllustrative,
}: {
  verifiedAt: string | null;
  isUnconfirmed: boolean;
  isIllustrative: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <TagGroup>
      {verifiedAt ? (
        <StatusTag tone="success" status="verified">
          {t('ecosystem.common.verifiedOn', { date: formatDate(verifiedAt, locale) })}
        </StatusTag>
      ) : (
        <StatusTag tone="neutral" status="not-verified">
          {t('ecosystem.common.notVerified')}
        </StatusTag>
      )}
      {isUnconfirmed ? (
        <StatusTag tone="warning" status="unconfirmed">
          {t('ecosystem.common.unconfirmed')}
        </StatusTag>
      ) : null}
      {isIllustrative ? (
        <StatusTag tone="info" status="illustrative">
          {t('ecosystem.common.illustrative')}
        </StatusTag>
      ) : null}
    </TagGroup>
  );
}
