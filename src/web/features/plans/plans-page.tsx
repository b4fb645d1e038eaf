import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { usePlans } from './api.js';
import { planPaths } from './paths.js';
import { ProgressBar } from './status-badge.js';

/** Every plan the visitor may read, with its progress. */
export function PlansPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  const localized = useLocalized();
  useDocumentTitle(t('app.pageTitle', { page: t('plans.plansHeading') }));
  return (
    <div className="container page">
      <h1>{t('plans.plansHeading')}</h1>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <QueryError error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      <ul className="plain-list plan-list">
        {plans.data?.items.map((plan) => (
          <li key={plan.id} className="card">
            <p className="plan__code">{plan.code}</p>
            <h2 className="plan__title">
              <Link to={planPaths.plan(plan.code)}>{localized(plan.title)}</Link>
            </h2>
            <p>
              {t('plans.taskCount', { total: plan.taskCount })} ·{' '}
              <ProgressBar percent={plan.progressPercent} label={t('plans.planProgress', { plan: plan.code })} />
            </p>
          </li>
        ))}
      </ul>
      <p>
        <Link to={planPaths.myTasks}>{t('plans.myTasksHeading')}</Link>
      </p>
    </div>
  );
}
