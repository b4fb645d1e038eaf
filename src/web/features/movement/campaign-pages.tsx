import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CampaignDto } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { vietnameseContent } from '../../components/content-language/content-language.js';
import { buttonClass } from '../../components/button/button.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { WindowStatusTag } from '../../components/status-tag/status-tag.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDate, formatDateRange, formatPercent } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useSession } from '../identity/session.js';
import { useCampaigns } from './api.js';
import { ManagerLinks } from './manager-links.js';
import { useCampaign } from './pages-api.js';
import { movementPaths } from './paths.js';
import styles from './movement.module.css';

/** Whether the signed-in person manages the programme (the server still checks the second factor). */
function useRoles() {
  const session = useSession();
  const grants = session.data?.user?.grants ?? [];
  const isManager = grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator');
  // Leaders read the phase reports too (the `movement-readers` policy).
  return { isSignedIn: Boolean(session.data?.user), isManager, readsReports: isManager || grants.some((g) => g.role === 'leader') };
}

const breadcrumbs = (t: (key: 'nav.home') => string) => [{ label: t('nav.home'), to: paths.home }];

/** Every campaign (public), with the way to launch one for managers. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const locale = useLocale();
  const { isManager } = useRoles();
  const campaigns = useCampaigns();
  return (
    <Page>
      <PageHeader title={t('movement.campaign.listTitle')} breadcrumbs={breadcrumbs(t)} />
      {isManager ? <ManagerLinks /> : null}
      {campaigns.isPending ? <Loading /> : null}
      {campaigns.isError ? <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} /> : null}
      {campaigns.data && campaigns.data.campaigns.length === 0 ? <EmptyState title={t('home.campaigns.empty')} /> : null}
      {campaigns.data ? (
        <ul className={styles.list}>
          {campaigns.data.campaigns.map((c) => (
            <li key={c.id}>
              <Link to={movementPaths.campaign(c.code)}>{localized(c.title)}</Link>
              <span className="muted"> — {formatDateRange(c.periodStart, c.periodEnd, locale)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

/** One campaign, publicly: who launched it, its phases, fields, criteria and calls. */
export function CampaignPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const campaign = useCampaign(code);
  return (
    <Page>
      {campaign.isPending || campaign.isError ? <PageHeader title={t('movement.campaign.listTitle')} breadcrumbs={breadcrumbs(t)} /> : null}
      {campaign.isPending ? <Loading /> : null}
      {campaign.isError ? <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} /> : null}
      {campaign.data ? <Campaign campaign={campaign.data} /> : null}
    </Page>
  );
}

function Campaign({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const locale = useLocale();
  const { isSignedIn, isManager, readsReports } = useRoles();
  const range = (from: string, to: string) => formatDateRange(from, to, locale);
  const openCalls = campaign.calls.filter((c) => c.isOpen);
  return (
    <>
      <PageHeader
        title={localized(campaign.title)}
        breadcrumbs={[...breadcrumbs(t), { label: t('movement.campaign.listTitle'), to: movementPaths.campaigns }]}
        actions={
          openCalls.length > 0 || isManager ? (
            <>
              {openCalls.length > 0 ? (
                <Link className={buttonClass()} to={movementPaths.submitTo(campaign.code)}>
                  {t('movement.campaign.submitInitiative')}
                </Link>
              ) : null}
              {isManager ? (
                <Link className={buttonClass('secondary')} to={movementPaths.editCampaign(campaign.code)}>
                  {t('movement.launch.editLink')}
                </Link>
              ) : null}
            </>
          ) : undefined
        }
      />
      <SummaryList
        items={[
          { label: t('movement.campaign.launchingBody'), value: localized(campaign.launchingBody) },
          { label: t('movement.campaign.decision'), value: campaign.decision ?? '—' },
          { label: t('movement.campaign.periodLabel'), value: range(campaign.periodStart, campaign.periodEnd) },
          { label: t('movement.campaign.kindLabel'), value: t(`movement.launch.kinds.${campaign.kind}`) },
          {
            label: t('movement.campaign.eligible'),
            // Written by whoever launched the campaign, in Vietnamese only.
            value:
              campaign.eligibleParticipants.length > 0 ? (
                <span {...vietnameseContent}>{campaign.eligibleParticipants.join('; ')}</span>
              ) : (
                '—'
              ),
          },
          { label: t('movement.campaign.fields'), value: campaign.fields.map((f) => localized(f.name)).join('; ') },
        ]}
      />
      {localized(campaign.description) ? <p className="prewrap">{localized(campaign.description)}</p> : null}

      <Section title={t('movement.campaign.calls')}>
        {campaign.calls.length === 0 ? <p className="muted">{t('movement.common.noneYet')}</p> : null}
        <ul className={styles.list}>
          {campaign.calls.map((c) => (
            <li key={c.id} className="cluster">
              <strong>{localized(c.title)}</strong>
              <span>{range(c.opensOn, c.closesOn)}</span>
              <WindowStatusTag state={c.state} />
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t('movement.campaign.phases')}>
        <DataTable
          caption={t('movement.campaign.phases')}
          isCaptionHidden
          rows={campaign.phases}
          rowKey={(p) => p.id}
          columns={[
            { key: 'phase', header: t('movement.campaign.phase'), isRowHeader: true, cell: (p) => localized(p.name) },
            { key: 'period', header: t('movement.campaign.periodLabel'), cell: (p) => range(p.startsOn, p.endsOn) },
            {
              key: 'review',
              header: t('movement.campaign.review'),
              cell: (p) =>
                p.review ? `${t(`movement.launch.reviews.${p.review}`)}${p.reviewOn ? ` (${formatDate(p.reviewOn, locale)})` : ''}` : '—',
            },
            ...(isSignedIn
              ? [
                  {
                    key: 'actions',
                    header: t('movement.campaign.actions'),
                    cell: (p: CampaignDto['phases'][number]) => (
                      <span className="cluster">
                        <Link to={movementPaths.registrations(p.id)}>
                          {t('movement.campaign.registrations', { phase: localized(p.name) })}
                        </Link>
                        {readsReports ? (
                          <Link to={movementPaths.phaseReport(p.id)}>{t('movement.campaign.report', { phase: localized(p.name) })}</Link>
                        ) : null}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>

      <Section title={t('movement.campaign.criteria')}>
        <DataTable
          caption={t('movement.campaign.criteria')}
          isCaptionHidden
          rows={campaign.criteria}
          rowKey={(c) => c.id}
          columns={[
            { key: 'code', header: t('movement.launch.rowCode'), cell: (c) => c.code },
            { key: 'name', header: t('movement.campaign.criterion'), isRowHeader: true, cell: (c) => localized(c.name) },
            { key: 'weight', header: t('movement.launch.weight'), align: 'end', cell: (c) => formatPercent(c.weight, locale, 0) },
            { key: 'scale', header: t('movement.campaign.scale'), cell: (c) => `${c.scaleMin}–${c.scaleMax}` },
          ]}
        />
      </Section>
    </>
  );
}
