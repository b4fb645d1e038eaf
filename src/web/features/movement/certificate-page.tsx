import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '../../components/button/button.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { sentenceAround, vietnameseContent } from '../../components/content-language/content-language.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useAward } from './api.js';
import styles from './movement.module.css';

/** A printable certificate for one award (the print stylesheet hides the site around it). */
export function CertificatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const award = useAward(id);
  useDocumentTitle(t('app.pageTitle', { page: t('movement.certificate.pageTitle') }));
  // Until the award is read (or when it cannot be), the page still says what it is.
  if (award.isPending || award.isError)
    return (
      <Page>
        <PageHeader title={t('movement.certificate.pageTitle')} />
        {award.isPending ? <Loading /> : <QueryError error={award.error} />}
      </Page>
    );
  const a = award.data;
  return (
    <Page>
      <article className={styles.certificate} aria-labelledby="certificate-heading">
        <p className={styles.nation}>{t('movement.certificate.nation')}</p>
        <p className={styles.motto}>{t('movement.certificate.motto')}</p>
        <p>{localized(a.issuer)}</p>
        <h1 id="certificate-heading" className={styles.certificateTitle}>
          {localized(a.type)}
        </h1>
        <p>{t('movement.certificate.grants')}</p>
        <p className={styles.prominent} {...vietnameseContent}>
          {a.recipients}
        </p>
        <p>{t('movement.certificate.for')}</p>
        <p className={styles.prominent}>
          “<span {...vietnameseContent}>{a.initiativeTitle}</span>” ({a.initiativeCode})
        </p>
        {a.scope ? <p>{t('movement.certificate.scope', { scope: t(`movement.scopes.${a.scope}`) })}</p> : null}
        <p>{sentenceAround((ref) => t('movement.certificate.decision', { ref, date: formatDate(a.awardedOn, locale) }), a.decisionRef)}</p>
      </article>
      <p className="no-print">
        <Button onClick={() => window.print()}>{t('movement.certificate.print')}</Button>
      </p>
    </Page>
  );
}
