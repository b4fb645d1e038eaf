import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { buttonClass } from '../../../components/button/button.js';
import { AccountSection } from './account-section.js';

/** "Download my data": a plain link the server answers with a JSON attachment. */
export function MyDataSection({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <AccountSection section="data" title={title}>
      <p>{t('account.data.intro')}</p>
      <p>
        <a href="/api/account/export" download className={buttonClass('secondary')}>
          {t('account.data.download')}
        </a>
      </p>
      <p>
        <Link to={paths.privacy}>{t('account.data.privacyLink')}</Link>
      </p>
    </AccountSection>
  );
}
