import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Notice, WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useConfirmClaim, useMine } from './api.js';
import { ecosystemPaths } from './paths.js';
import { ProfileTags } from './tags.js';

const statusTone = { received: 'info', shortlisted: 'warning', accepted: 'success', not_accepted: 'danger' } as const;

/** What a person keeps: their organisations, their claims, their organisations' applications. */
export function MinePage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader
        title={t('ecosystem.mine.heading')}
        documentTitle={t('ecosystem.mine.pageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('ecosystem.directory.pageTitle'), to: ecosystemPaths.directory },
        ]}
        actions={
          <Link className={buttonClass()} to={ecosystemPaths.register}>
            {t('ecosystem.directory.register')}
          </Link>
        }
      />
      <RequireSignedIn>{() => <Mine />}</RequireSignedIn>
    </Page>
  );
}

function Mine() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const mine = useMine();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  return (
    <>
      <Section title={t('ecosystem.mine.organisations')}>
        <CardList items={mine.data.organisations} itemKey={(o) => o.id} empty={<EmptyState title={t('ecosystem.mine.none')} />}>
          {(o) => (
            <Card title={<Link to={ecosystemPaths.organisation(o.slug)}>{locale === 'en' ? o.nameEn : o.nameVi}</Link>}>
              <ProfileTags verifiedAt={o.verifiedAt} isUnconfirmed={o.isUnconfirmed} isIllustrative={o.isIllustrative} />
              <Link to={ecosystemPaths.edit(o.slug)}>{t('ecosystem.organisation.edit')}</Link>
            </Card>
          )}
        </CardList>
      </Section>
      {mine.data.claims.length > 0 ? (
        <Section title={t('ecosystem.mine.claims')}>
          <ul>
            {mine.data.claims.map((c) => (
              <li key={c.id}>
                <Link to={ecosystemPaths.organisation(c.organisation.slug)}>{c.organisation.nameVi}</Link> —{' '}
                {t(`ecosystem.mine.claimStatuses.${c.status}`)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title={t('ecosystem.mine.applications')}>
        <CardList
          items={mine.data.applications}
          itemKey={(a) => a.id}
          layout="column"
          empty={<EmptyState title={t('ecosystem.mine.noApplications')} />}
        >
          {(a) => (
            <Card
              title={
                <Link to={ecosystemPaths.programme(a.programme.slug)}>{locale === 'en' ? a.programme.titleEn : a.programme.titleVi}</Link>
              }
            >
              <p className="muted">
                {a.organisation.nameVi} · {localized(a.programme.runBy)} ·{' '}
                {t('ecosystem.programmes.submittedOn', { date: formatDate(a.createdAt, locale) })}
              </p>
              <StatusTag tone={statusTone[a.status]} status={a.status}>
                {t(`ecosystem.programmes.statuses.${a.status}`)}
              </StatusTag>
              {a.note ? <p className="prewrap">{a.note}</p> : null}
            </Card>
          )}
        </CardList>
      </Section>
    </>
  );
}

/** The page the claim e-mail links to: confirms the claim once, for the signed-in claimant. */
export function ConfirmClaimPage() {
  const { t } = useTranslation();
  return (
    <Page width="narrow">
      <PageHeader
        title={t('ecosystem.mine.confirmHeading')}
        documentTitle={t('ecosystem.mine.confirmHeading')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
      />
      <RequireSignedIn>{() => <Confirm />}</RequireSignedIn>
    </Page>
  );
}

function Confirm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmClaim();
  const sent = useRef(false);
  useEffect(() => {
    if (token === '' || sent.current) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);
  if (token === '') return <Notice tone="error">{t('ecosystem.mine.missingToken')}</Notice>;
  if (confirm.isError) return <WriteError error={confirm.error} />;
  if (!confirm.data) return <Loading label={t('ecosystem.mine.confirming')} />;
  return (
    <Notice tone="success">
      {t('ecosystem.mine.confirmed', { name: confirm.data.organisation.nameVi })}{' '}
      <Link to={ecosystemPaths.organisation(confirm.data.organisation.slug)}>{confirm.data.organisation.nameVi}</Link>
    </Notice>
  );
}
