import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { Page } from '../../components/page/page.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { usePortalSummary } from './api.js';
import { Campaigns } from './campaign-timeline.js';
import { HeadlineTargets } from './headline-targets.js';
import { PlanList } from './plan-list.js';
import { UnitCounts } from './unit-counts.js';
import styles from './portal.module.css';

/** The public home page: what the programme is for, who carries it out, its plans, targets and movement. */
export function HomePage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const summary = usePortalSummary();
  useDocumentTitle(t('app.documentTitle'));

  return (
    <>
      <div className={styles.hero}>
        <div className={`container ${styles.heroInner}`}>
          {/* Its line is kept while the summary loads, so the heading below does not move when it arrives. */}
          <p className={styles.kicker}>{summary.data ? t('home.kicker', { city: localized(summary.data.city.name) }) : '\u00a0'}</p>
          <h1 className={styles.title}>{t('home.title')}</h1>
          <p className={styles.lead}>{t('home.lead')}</p>
          <p>
            <Link to={paths.search} className={buttonClass('on-dark')}>
              {t('home.searchCta')}
            </Link>
          </p>
        </div>
      </div>
      <Page isBusy={summary.isPending}>
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
      </Page>
    </>
  );
}
