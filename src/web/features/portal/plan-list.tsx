import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanSummary } from '../../../shared/contracts/portal.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Section } from '../../components/page/page.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { planPaths } from '../plans/paths.js';
import styles from './portal.module.css';

type PlanListProps = { plans: PlanSummary[] };

/** Each plan with its code, title, period and its task groups in their official order. */
export function PlanList({ plans }: PlanListProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('home.plans.heading')}>
      <CardList items={plans} itemKey={(p) => p.id} layout="column" empty={<EmptyState title={t('home.plans.empty')} />}>
        {(plan) => <PlanCard plan={plan} />}
      </CardList>
    </Section>
  );
}

function PlanCard({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const taskGroups = [...plan.taskGroups].sort((a, b) => a.order - b.order);

  return (
    <Card
      title={
        <>
          <StatusTag tone="info">{plan.code}</StatusTag> <Link to={planPaths.plan(plan.code)}>{localized(plan.title)}</Link>
        </>
      }
    >
      <ul className={styles.meta}>
        <li>{t('home.plans.period', { start: String(plan.periodStart), end: String(plan.periodEnd) })}</li>
        <li>{t('home.plans.issuedBy', { body: localized(plan.issuingBody) })}</li>
        {plan.issuedOn ? <li>{t('home.plans.issuedOn', { date: formatDate(plan.issuedOn, locale) })}</li> : null}
      </ul>
      {taskGroups.length > 0 ? (
        <>
          <h4 className={styles.groupsHeading}>{t('home.plans.taskGroupsHeading', { total: taskGroups.length })}</h4>
          <ol className={styles.groups}>
            {taskGroups.map((group) => (
              <li key={group.order} value={group.order}>
                {localized(group.title)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </Card>
  );
}
