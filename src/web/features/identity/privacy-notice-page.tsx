import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { privacyPolicyVersion } from '../../../shared/contracts/identity.js';
import { accountSectionPath } from '../../app/paths.js';
import { useDocumentTitle } from '../../components/use-document-title.js';

/** The personal-data notice people agree to when they sign up (Decree 13/2023/NĐ-CP). */
export function PrivacyNoticePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('privacy.pageTitle') }));

  return (
    <div className="container page page--narrow prose">
      <h1>{t('privacy.heading')}</h1>
      <p className="muted">{t('privacy.version', { version: privacyPolicyVersion })}</p>
      <p className="lead">{t('privacy.intro')}</p>

      <section aria-labelledby="privacy-collected">
        <h2 id="privacy-collected">{t('privacy.collected.heading')}</h2>
        <ul>
          <li>{t('privacy.collected.account')}</li>
          <li>{t('privacy.collected.password')}</li>
          <li>{t('privacy.collected.security')}</li>
          <li>{t('privacy.collected.content')}</li>
          <li>{t('privacy.collected.consent')}</li>
        </ul>
      </section>

      <section aria-labelledby="privacy-purposes">
        <h2 id="privacy-purposes">{t('privacy.purposes.heading')}</h2>
        <ul>
          <li>{t('privacy.purposes.account')}</li>
          <li>{t('privacy.purposes.email')}</li>
          <li>{t('privacy.purposes.content')}</li>
          <li>{t('privacy.purposes.security')}</li>
        </ul>
        <p>{t('privacy.purposes.noSale')}</p>
      </section>

      <section aria-labelledby="privacy-retention">
        <h2 id="privacy-retention">{t('privacy.retention.heading')}</h2>
        <ul>
          <li>{t('privacy.retention.account')}</li>
          <li>{t('privacy.retention.security')}</li>
          <li>{t('privacy.retention.erased')}</li>
        </ul>
      </section>

      <section aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">{t('privacy.rights.heading')}</h2>
        <p>{t('privacy.rights.intro')}</p>
        <ul>
          <li>{t('privacy.rights.know')}</li>
          <li>{t('privacy.rights.consent')}</li>
          <li>{t('privacy.rights.access')}</li>
          <li>{t('privacy.rights.correct')}</li>
          <li>{t('privacy.rights.erase')}</li>
          <li>{t('privacy.rights.restrict')}</li>
          <li>{t('privacy.rights.complain')}</li>
        </ul>
        <p>
          <Link to={accountSectionPath('data')}>{t('privacy.manage')}</Link>
        </p>
      </section>
    </div>
  );
}
