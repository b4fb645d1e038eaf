import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { paths } from '../../app/paths.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Progress } from '../../components/progress/progress.js';
import { StatusTag, TagGroup } from '../../components/status-tag/status-tag.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useCurrentUser } from '../identity/session.js';
import { planPaths } from './paths.js';
import styles from './plans.module.css';

export type PlanView = 'plan' | 'tasks' | 'scorecard' | 'timeline' | 'assign' | 'groups' | 'edit';

/** The top of every page of a plan: breadcrumbs, the view's short title, the plan's facts and its views. */
export function PlanHeader({ plan, current = 'plan' }: { plan: PlanDetail; current?: PlanView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const user = useCurrentUser();
  const isManager = user !== null && isProgrammeManager(user);
  const views: Array<{ key: PlanView; to: string; label: string }> = [
    { key: 'plan', to: planPaths.plan(plan.code), label: t('plans.nav.tree') },
    { key: 'tasks', to: planPaths.tasks(plan.code), label: t('plans.nav.tasks') },
    { key: 'timeline', to: planPaths.timeline(plan.code), label: t('plans.nav.timeline') },
    { key: 'scorecard', to: planPaths.scorecard(plan.code), label: t('plans.nav.scorecard') },
    ...(isManager
      ? [
          { key: 'assign' as const, to: planPaths.assign(plan.code), label: t('plans.nav.assign') },
          { key: 'groups' as const, to: planPaths.groups(plan.code), label: t('plans.nav.groups') },
          { key: 'edit' as const, to: planPaths.editPlan(plan.code), label: t('plans.nav.edit') },
        ]
      : []),
  ];
  const title = localized(plan.title);
  const viewLabel = views.find((view) => view.key === current)?.label ?? '';
  const breadcrumbs = [
    { label: t('nav.home'), to: paths.home },
    { label: t('plans.plansHeading'), to: planPaths.plans },
    ...(current === 'plan' ? [] : [{ label: plan.code, to: planPaths.plan(plan.code) }]),
  ];
  return (
    <>
      <PageHeader
        title={current === 'plan' ? title : `${viewLabel}: ${plan.code}`}
        subtitle={current === 'plan' ? undefined : title}
        kicker={current === 'plan' ? plan.code : undefined}
        breadcrumbs={breadcrumbs}
        meta={
          <>
            <TagGroup>
              <span>{t('home.plans.period', { start: String(plan.periodStart), end: String(plan.periodEnd) })}</span>
              <span>{t('home.plans.issuedBy', { body: localized(plan.issuingBody) })}</span>
              {plan.issuedOn ? <span>{t('home.plans.issuedOn', { date: formatDate(plan.issuedOn, locale) })}</span> : null}
              <StatusTag tone={plan.isPublic ? 'info' : 'neutral'}>{plan.isPublic ? t('plans.public') : t('plans.internal')}</StatusTag>
            </TagGroup>
            <p>
              {t('plans.overallProgress')} <Progress percent={plan.progressPercent} label={t('plans.overallProgress')} />
            </p>
            <p className={styles.files}>
              <a href={`/api/plans/${plan.id}/export.xlsx`}>{t('plans.files.export')}</a>
              {isManager ? <a href="/api/plans/import-template.xlsx">{t('plans.files.template')}</a> : null}
            </p>
          </>
        }
      />
      <nav aria-label={t('plans.nav.label')}>
        <ul className={styles.subnav}>
          {views.map((view) => (
            <li key={view.key}>
              <Link to={view.to} className={styles.subnavLink} aria-current={view.key === current ? 'page' : undefined}>
                {view.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
