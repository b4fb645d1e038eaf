import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { organisationKindNames } from '../../../shared/contracts/ecosystem.js';
import { paths } from '../../app/paths.js';
import { Button, ButtonRow } from '../../components/button/button.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useToast } from '../../components/toast/toast.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useDecideClaim, useVerificationQueue, useVerify } from './api.js';
import { ecosystemPaths } from './paths.js';

/** The Startup Centre's queue: profiles to verify against their documents, and claims proved by a document. */
export function VerificationPage() {
  const { t } = useTranslation();
  return (
    <Page width="wide">
      <PageHeader
        title={t('ecosystem.verification.heading')}
        documentTitle={t('ecosystem.verification.pageTitle')}
        subtitle={t('ecosystem.verification.lead')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('ecosystem.directory.pageTitle'), to: ecosystemPaths.directory },
        ]}
      />
      <RequireSignedIn>{() => <Queue />}</RequireSignedIn>
    </Page>
  );
}

function Queue() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const toast = useToast();
  const queue = useVerificationQueue();
  const verify = useVerify();
  const decide = useDecideClaim();
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <>
      <Section title={t('ecosystem.verification.profiles')}>
        <WriteError error={verify.error} />
        <div data-list="verification">
          <CardList
            items={queue.data.items}
            itemKey={(o) => o.id}
            layout="column"
            empty={<EmptyState title={t('ecosystem.verification.none')} />}
          >
            {(o) => (
              <Card title={<Link to={ecosystemPaths.organisation(o.slug)}>{o.nameVi}</Link>}>
                <p className="muted">{localized(organisationKindNames[o.kind])}</p>
                <h4>{t('ecosystem.verification.evidence')}</h4>
                {o.evidence.length === 0 ? (
                  <p className="muted">{t('ecosystem.verification.noEvidence')}</p>
                ) : (
                  <ul>
                    {o.evidence.map((e) => (
                      <li key={e.id}>
                        <a href={e.url}>{e.fileName}</a> ({formatDate(e.uploadedAt, locale)})
                      </li>
                    ))}
                  </ul>
                )}
                <Button
                  isBusy={verify.isPending}
                  onClick={() => verify.mutate(o.id, { onSuccess: () => toast.show((tr) => tr('ecosystem.verification.verifiedDone')) })}
                >
                  {t('ecosystem.verification.verify')}
                </Button>
              </Card>
            )}
          </CardList>
        </div>
      </Section>
      <Section title={t('ecosystem.verification.claims')}>
        <WriteError error={decide.error} />
        <CardList
          items={queue.data.claims}
          itemKey={(c) => c.id}
          layout="column"
          empty={<EmptyState title={t('ecosystem.verification.noClaims')} />}
        >
          {(c) => (
            <Card title={<Link to={ecosystemPaths.organisation(c.organisation.slug)}>{c.organisation.nameVi}</Link>}>
              {c.note ? <p className="prewrap">{c.note}</p> : null}
              <ul>
                {c.evidence.map((e) => (
                  <li key={e.id}>
                    <a href={e.url}>{e.fileName}</a>
                  </li>
                ))}
              </ul>
              <ButtonRow>
                {(['approve', 'reject'] as const).map((decision) => (
                  <Button
                    key={decision}
                    variant={decision === 'approve' ? 'primary' : 'secondary'}
                    isBusy={decide.isPending}
                    onClick={() =>
                      decide.mutate(
                        { id: c.id, decision, note: '' },
                        { onSuccess: () => toast.show((tr) => tr('ecosystem.verification.decided')) },
                      )
                    }
                  >
                    {t(`ecosystem.verification.${decision}`)}
                  </Button>
                ))}
              </ButtonRow>
            </Card>
          )}
        </CardList>
      </Section>
    </>
  );
}
