import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Progress } from '../../components/progress/progress.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useCurrentUser } from '../identity/session.js';
import { usePlans } from './api.js';
import { planPaths } from './paths.js';

/** Every plan the visitor may read, with its progress. */
export function PlansPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  const localized = useLocalized();
  const user = useCurrentUser();
  return (
    <Page>
      <PageHeader
        title={t('plans.plansHeading')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
        actions={
          <>
            <Link to={planPaths.myTasks}>{t('plans.myTasksHeading')}</Link>
            {user && isProgrammeManager(user) ? (
              <Link to={planPaths.newPlan} className={buttonClass('primary', 'small')}>
                {t('plans.newPlan.link')}
              </Link>
            ) : null}
          </>
        }
      />
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <QueryError error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.data ? (
        <CardList items={plans.data.items} itemKey={(plan) => plan.id} layout="column" empty={<EmptyState title={t('home.plans.empty')} />}>
          {(plan) => (
            <Card
              headingLevel={2}
              title={
                <>
                  <StatusTag tone="info">{plan.code}</StatusTag> <Link to={planPaths.plan(plan.code)}>{localized(plan.title)}</Link>
                </>
              }
            >
              <p>
                {t('plans.taskCount', { total: plan.taskCount })} ·{' '}
                <Progress percent={plan.progressPercent} label={t('plans.planProgress', { plan: plan.code })} />
              </p>
            </Card>
          )}
        </CardList>
      ) : null}
    </Page>
  );
}
