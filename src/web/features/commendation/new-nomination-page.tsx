import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Notice } from '../../components/notice/notice.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { toastState } from '../../components/toast/toast.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import type { Me } from '../../../shared/contracts/identity.js';
import { useCreateNomination, useUnits } from './api.js';
import { isUnitOfficer, useTrail } from './common.js';
import { NominationForm } from './nomination-form.js';
import { commendationPaths } from './paths.js';

/** A unit officer starts a nomination for someone of their unit; it is saved as a draft. */
export function NewNominationPage() {
  const { t } = useTranslation();
  const trail = useTrail();
  return (
    <Page width="form">
      <PageHeader
        title={t('commendation.form.newTitle')}
        documentTitle={t('commendation.form.newPageTitle')}
        subtitle={t('commendation.form.intro')}
        breadcrumbs={[...trail, { label: t('commendation.links.nominations'), to: commendationPaths.nominations }]}
      />
      <RequireSignedIn>
        {(user) => (isUnitOfficer(user) ? <NewForm user={user} /> : <Notice tone="info">{t('commendation.form.noUnit')}</Notice>)}
      </RequireSignedIn>
    </Page>
  );
}

function NewForm({ user }: { user: Me }) {
  const units = useUnits();
  const create = useCreateNomination();
  const navigate = useNavigate();
  if (units.isPending) return <Loading />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => void units.refetch()} />;
  return (
    <NominationForm
      user={user}
      units={units.data.items}
      dto={null}
      onSave={async (body) => {
        const made = await create.mutateAsync(body);
        await navigate(commendationPaths.nomination(made.id), { state: toastState('commendation.form.created') });
      }}
    />
  );
}
