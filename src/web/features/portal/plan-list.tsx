import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/contracts/portal.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';

type PlanListProps = { plans: PlanSummary[] };

/** Each plan with its code, title, period and its task groups in their official order. */
export function PlanList({ plans }: PlanListProps) {
  const { t } = useTranslation();

  return (
    <section className="section" aria-labelledby="plans-heading">
      <h2 id="plans-heading">{t('home.plans.heading')}</h2>
      {plans.length === 0 ? (
        <p>{t('home.plans.empty')}</p>
      ) : (
        <ul className="plain-list plan-list">
          {plans.map((plan) => (
            <li key={plan.id}>
              <PlanCard plan={plan} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PlanCard({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const headingId = useId();
  const taskGroups = [...plan.taskGroups].sort((a, b) => a.order - b.order);

  return (
    <article className="card plan" aria-labelledby={headingId}>
      <h3 id={headingId} className="plan__heading">
        <span className="plan__code">{plan.code}</span>
        <span className="plan__title">{localized(plan.title)}</span>
      </h3>
      <ul className="meta-list">
        <li>{t('home.plans.period', { start: String(plan.periodStart), end: String(plan.periodEnd) })}</li>
        <li>{t('home.plans.issuedBy', { body: localized(plan.issuingBody) })}</li>
        {plan.issuedOn ? (
          <li>
            {t('home.plans.issuedOn', { date: formatDate(plan.issuedOn, locale) })}
          </li>
        ) : null}
      </ul>
      {taskGroups.length > 0 ? (
        <>
          <h4 className="plan__subheading">{t('home.plans.taskGroupsHeading', { total: taskGroups.length })}</h4>
          <ol className="task-groups">
            {taskGroups.map((group) => (
              <li key={group.order} value={group.order}>
                {localized(group.title)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </article>
  );
}
