import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { usePortalSummary } from './api.js';
import { Campaigns } from './campaign-timeline.js';
import { HeadlineTargets } from './headline-targets.js';
import { PlanList } from './plan-list.js';
import { UnitCounts } from './unit-counts.js';

/** The public home page: what the programme is for, who carries it out, its plans, targets and movement. */
export function HomePage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const summary = usePortalSummary();
  useDocumentTitle(t('app.documentTitle'));

  return (
    <>
      <div className="hero">
        <div className="container hero__inner">
          {summary.data ? (
            <p className="hero__kicker">{t('home.kicker', { city: localized(summary.data.city.name) })}</p>
          ) : null}
          <h1 className="hero__title">{t('home.title')}</h1>
          <p className="hero__lead">{t('home.lead')}</p>
          <p>
            <Link to="/tim-kiem" className="button button--on-dark">
              {t('home.searchCta')}
            </Link>
          </p>
        </div>
      </div>
      <div className="container page" aria-busy={summary.isPending}>
        {summary.isPending ? <Loading /> : null}
        {summary.isError ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
        {summary.data ? (
          <>
            <UnitCounts counts={summary.data.unitCounts} />
            <HeadlineTargets targets={summary.data.headlineTargets} />
            <PlanList plans={summary.data.plans} />
            <Campaigns campaigns={summary.data.campaigns} />
          </>
        ) : null}
      </div>
    </>
  );
}
