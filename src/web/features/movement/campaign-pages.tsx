import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { CampaignDto } from '../../../shared/contracts/movement.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useSession } from '../identity/api.js';
import { useCampaigns } from './api.js';
import { ManagerLinks } from './manager-links.js';
import { useCampaign } from './pages-api.js';
import { movementPaths } from './paths.js';
import { Done } from './ui.js';

/** Whether the signed-in person manages the programme (the server still checks the second factor). */
function useIsManager(): boolean {
  const session = useSession();
  return session.data?.user?.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator') ?? false;
}

/** Every campaign (public), with the way to launch one for managers. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const locale = useLocale();
  const isManager = useIsManager();
  const campaigns = useCampaigns();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.campaign.listTitle') }));
  return (
    <div className="container page">
      <h1>{t('movement.campaign.listTitle')}</h1>
      {isManager ? <ManagerLinks /> : null}
      {campaigns.isPending ? <Loading /> : null}
      {campaigns.isError ? <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} /> : null}
      {campaigns.data ? (
        <ul className="plain-list movement-list">
          {campaigns.data.campaigns.map((c) => (
            <li key={c.id}>
              <Link to={movementPaths.campaign(c.code)}>{localized(c.title)}</Link>
              <span className="muted"> — {t('movement.campaign.period', { from: formatDate(c.periodStart, locale), to: formatDate(c.periodEnd, locale) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One campaign, publicly: who launched it, its phases, fields, criteria and calls. */
export function CampaignPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const localized = useLocalized();
  const campaign = useCampaign(code);
  useDocumentTitle(t('app.pageTitle', { page: campaign.data ? localized(campaign.data.title) : t('movement.campaign.listTitle') }));
  return (
    <div className="container page">
      {campaign.isPending ? <Loading /> : null}
      {campaign.isError ? <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} /> : null}
      {campaign.data ? <Campaign campaign={campaign.data} /> : null}
    </div>
  );
}

function Campaign({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const locale = useLocale();
  const location = useLocation();
  const isManager = useIsManager();
  const session = useSession();
  // Leaders read the phase reports too (the `movement-readers` policy).
  const readsReports = isManager || (session.data?.user?.grants.some((g) => g.role === 'leader') ?? false);
  const isSignedIn = Boolean(session.data?.user);
  const date = (iso: string) => formatDate(iso, locale);
  const justLaunched = (location.state as { flash?: string } | null)?.flash === 'launched';
  const openCalls = campaign.calls.filter((c) => c.isOpen);
  return (
    <>
      <h1>{localized(campaign.title)}</h1>
      <Done text={justLaunched ? t('movement.campaign.launched') : null} />
      <dl className="movement-facts">
        <dt>{t('movement.campaign.launchingBody')}</dt>
        <dd>{localized(campaign.launchingBody)}</dd>
        <dt>{t('movement.campaign.decision')}</dt>
        <dd>{campaign.decision ?? '—'}</dd>
        <dt>{t('movement.campaign.periodLabel')}</dt>
        <dd>{t('movement.campaign.period', { from: date(campaign.periodStart), to: date(campaign.periodEnd) })}</dd>
        <dt>{t('movement.campaign.kindLabel')}</dt>
        <dd>{t(`movement.launch.kinds.${campaign.kind}`)}</dd>
        <dt>{t('movement.campaign.eligible')}</dt>
        <dd>{campaign.eligibleParticipants.length > 0 ? campaign.eligibleParticipants.join('; ') : '—'}</dd>
        <dt>{t('movement.campaign.fields')}</dt>
        <dd>{campaign.fields.map((f) => localized(f.name)).join('; ')}</dd>
      </dl>
      {localized(campaign.description) ? <p className="movement-prewrap">{localized(campaign.description)}</p> : null}

      <section className="section" aria-labelledby="calls-heading">
        <h2 id="calls-heading">{t('movement.campaign.calls')}</h2>
        {campaign.calls.length === 0 ? <p>{t('movement.common.noneYet')}</p> : null}
        <ul className="plain-list movement-list">
          {campaign.calls.map((c) => (
            <li key={c.id}>
              <strong>{localized(c.title)}</strong> — {t('movement.campaign.period', { from: date(c.opensOn), to: date(c.closesOn) })}{' '}
              <span className={`tag tag--${c.isOpen ? 'success' : 'neutral'}`}>{c.isOpen ? t('movement.campaign.open') : t('movement.campaign.closed')}</span>
            </li>
          ))}
        </ul>
        {openCalls.length > 0 ? (
          <p>
            <Link className="button" to={movementPaths.submitTo(campaign.code)}>
              {t('movement.campaign.submitInitiative')}
            </Link>
          </p>
        ) : null}
      </section>

      <section className="section" aria-labelledby="phases-heading">
        <h2 id="phases-heading">{t('movement.campaign.phases')}</h2>
        <div className="movement-table-wrap">
          <table className="movement-table">
            <thead>
              <tr>
                <th scope="col">{t('movement.campaign.phase')}</th>
                <th scope="col">{t('movement.campaign.periodLabel')}</th>
                <th scope="col">{t('movement.campaign.review')}</th>
                {isSignedIn ? <th scope="col">{t('movement.campaign.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {campaign.phases.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{localized(p.name)}</th>
                  <td>{t('movement.campaign.period', { from: date(p.startsOn), to: date(p.endsOn) })}</td>
                  <td>{p.review ? `${t(`movement.launch.reviews.${p.review}`)}${p.reviewOn ? ` (${date(p.reviewOn)})` : ''}` : '—'}</td>
                  {isSignedIn ? (
                    <td>
                      <Link to={movementPaths.registrations(p.id)}>{t('movement.campaign.registrations', { phase: localized(p.name) })}</Link>
                      {readsReports ? (
                        <>
                          {' · '}
                          <Link to={movementPaths.phaseReport(p.id)}>{t('movement.campaign.report', { phase: localized(p.name) })}</Link>
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="section" aria-labelledby="criteria-heading">
        <h2 id="criteria-heading">{t('movement.campaign.criteria')}</h2>
        <div className="movement-table-wrap">
          <table className="movement-table">
            <thead>
              <tr>
                <th scope="col">{t('movement.launch.rowCode')}</th>
                <th scope="col">{t('movement.campaign.criterion')}</th>
                <th scope="col">{t('movement.launch.weight')}</th>
                <th scope="col">{t('movement.campaign.scale')}</th>
              </tr>
            </thead>
            <tbody>
              {campaign.criteria.map((c) => (
                <tr key={c.id}>
                  <td>{c.code}</td>
                  <th scope="row">{localized(c.name)}</th>
                  <td>{c.weight}%</td>
                  <td>
                    {c.scaleMin}–{c.scaleMax}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
