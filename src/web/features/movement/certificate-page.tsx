import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useAward } from './api.js';

/** A printable certificate for one award (the print stylesheet hides the site around it). */
export function CertificatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localized = useLocalized();
  const award = useAward(id);
  useDocumentTitle(t('app.pageTitle', { page: t('movement.certificate.pageTitle') }));
  if (award.isPending) return <div className="container page"><Loading /></div>;
  if (award.isError) return <div className="container page"><QueryError error={award.error} /></div>;
  const a = award.data;
  return (
    <div className="container page">
      <article className="movement-certificate" aria-labelledby="certificate-heading">
        <p className="movement-certificate__nation">{t('movement.certificate.nation')}</p>
        <p className="movement-certificate__motto">{t('movement.certificate.motto')}</p>
        <p className="movement-certificate__issuer">{localized(a.issuer)}</p>
        <h1 id="certificate-heading" className="movement-certificate__title">
          {localized(a.type)}
        </h1>
        <p>{t('movement.certificate.grants')}</p>
        <p className="movement-certificate__recipients">{a.recipients}</p>
        <p>{t('movement.certificate.for')}</p>
        <p className="movement-certificate__initiative">
          “{a.initiativeTitle}” ({a.initiativeCode})
        </p>
        {a.scope ? <p>{t('movement.certificate.scope', { scope: t(`movement.scopes.${a.scope}`) })}</p> : null}
        <p>{t('movement.certificate.decision', { ref: a.decisionRef, date: a.awardedOn })}</p>
      </article>
      <p className="movement-no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('movement.certificate.print')}
        </button>
      </p>
    </div>
  );
}
