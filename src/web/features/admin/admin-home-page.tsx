import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, CardList } from '../../components/card/card.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { paths } from '../../app/paths.js';
import { adminPaths } from './admin-paths.js';
import { RequireAdministrator } from './require-administrator.js';

/** The way into the administration pages. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const sections = [
    { to: adminPaths.units, title: t('admin.home.units'), hint: t('admin.home.unitsHint') },
    { to: adminPaths.users, title: t('admin.home.users'), hint: t('admin.home.usersHint') },
    { to: adminPaths.audit, title: t('admin.home.audit'), hint: t('admin.home.auditHint') },
  ];
  return (
    <Page>
      <RequireAdministrator>
        {() => (
          <>
            <PageHeader
              title={t('admin.home.heading')}
              documentTitle={t('admin.home.pageTitle')}
              subtitle={t('admin.home.intro')}
              breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
            />
            <CardList items={sections} itemKey={(section) => section.to}>
              {(section) => (
                <Card title={<Link to={section.to}>{section.title}</Link>} headingLevel={2}>
                  <p>{section.hint}</p>
                </Card>
              )}
            </CardList>
          </>
        )}
      </RequireAdministrator>
    </Page>
  );
}
