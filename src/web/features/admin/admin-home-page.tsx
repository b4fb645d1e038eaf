import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { adminPaths } from './admin-paths.js';
import { RequireAdministrator } from './require-administrator.js';

/** The way into the administration pages. */
export function AdminHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('admin.home.pageTitle') }));
  const sections = [
    { to: adminPaths.units, title: t('admin.home.units'), hint: t('admin.home.unitsHint') },
    { to: adminPaths.users, title: t('admin.home.users'), hint: t('admin.home.usersHint') },
    { to: adminPaths.audit, title: t('admin.home.audit'), hint: t('admin.home.auditHint') },
  ];
  return (
    <RequireAdministrator>
      {() => (
        <div className="container page">
          <h1>{t('admin.home.heading')}</h1>
          <p>{t('admin.home.intro')}</p>
          <ul className="plain-list card-list admin-sections">
            {sections.map((section) => (
              <li key={section.to} className="card">
                <h2 className="card__title">
                  <Link to={section.to}>{section.title}</Link>
                </h2>
                <p>{section.hint}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </RequireAdministrator>
  );
}
