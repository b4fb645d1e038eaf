import { useTranslation } from 'react-i18next';
import { ecosystemFieldNames, expertBodySchema } from '../../../shared/contracts/ecosystem.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../components/button/button.js';
import { Card, CardList, Panel } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { CheckboxField, ChoiceField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useToast } from '../../components/toast/toast.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useSession } from '../identity/session.js';
import { useExperts, useMyExpert, useSaveExpert, useWithdrawExpert } from './api.js';
import { ecosystemPaths } from './paths.js';
import { useEcosystemOptions } from './options.js';

/** Experts and mentors who chose to be listed; a signed-in person lists themselves with consent, or withdraws. */
export function ExpertsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const experts = useExperts();
  const session = useSession();
  return (
    <Page>
      <PageHeader
        title={t('ecosystem.experts.heading')}
        documentTitle={t('ecosystem.experts.pageTitle')}
        subtitle={t('ecosystem.experts.lead')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('ecosystem.directory.pageTitle'), to: ecosystemPaths.directory },
        ]}
      />
      {experts.isPending ? <Loading /> : null}
      {experts.isError ? <QueryError error={experts.error} onRetry={() => void experts.refetch()} /> : null}
      <div data-list="experts">
        <CardList
          items={experts.data?.items ?? []}
          itemKey={(e) => e.id}
          empty={experts.data ? <EmptyState title={t('ecosystem.experts.none')} /> : null}
        >
          {(e) => (
            <Card headingLevel={2} title={e.displayName}>
              <p className="muted">{e.fields.map((f) => localized(ecosystemFieldNames[f])).join(', ')}</p>
              <p className="prewrap">{locale === 'en' ? e.offersEn || e.offersVi : e.offersVi}</p>
              {e.affiliation ? <p>{e.affiliation}</p> : null}
              {e.publicEmail ? <a href={`mailto:${e.publicEmail}`}>{e.publicEmail}</a> : null}
            </Card>
          )}
        </CardList>
      </div>
      {session.data?.user ? <MyListing /> : null}
    </Page>
  );
}

function MyListing() {
  const mine = useMyExpert();
  if (mine.isPending) return <Loading quiet />;
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  return <ListingForm current={mine.data.expert} />;
}

type Listing = NonNullable<ReturnType<typeof useMyExpert>['data']>['expert'];

function ListingForm({ current }: { current: Listing }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const options = useEcosystemOptions();
  const toast = useToast();
  const save = useSaveExpert();
  const withdraw = useWithdrawExpert();
  const form = useForm({
    id: 'expert',
    initialValues: {
      displayName: current?.displayName ?? '',
      fields: [...(current?.fields ?? [])] as string[],
      offersVi: current?.offersVi ?? '',
      offersEn: current?.offersEn ?? '',
      affiliation: current?.affiliation ?? '',
      publicEmail: current?.publicEmail ?? '',
      consent: false,
    },
    labels: {
      displayName: t('ecosystem.experts.displayName'),
      fields: t('ecosystem.common.fields'),
      offersVi: t('ecosystem.experts.offersVi'),
      offersEn: t('ecosystem.experts.offersEn'),
      affiliation: t('ecosystem.experts.affiliation'),
      publicEmail: t('ecosystem.experts.publicEmail'),
      consent: t('ecosystem.experts.consent'),
    },
    schema: expertBodySchema,
    toInput: (v) => ({ ...v, publicEmail: v.publicEmail.trim() === '' ? null : v.publicEmail }),
    onSubmit: async (body) => {
      await save.mutateAsync(body);
      return (tr) => tr('ecosystem.experts.saved');
    },
  });
  return (
    <Section title={current ? t('ecosystem.experts.myListing') : t('ecosystem.experts.formHeading')}>
      {current ? (
        <Panel>
          <p>{t('ecosystem.experts.listedSince', { date: formatDate(current.consentedAt, locale) })}</p>
          <Button
            variant="danger"
            isBusy={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined, { onSuccess: () => toast.show((tr) => tr('ecosystem.experts.withdrawn')) })}
          >
            {t('ecosystem.experts.withdraw')}
          </Button>
          <WriteError error={withdraw.error} />
        </Panel>
      ) : null}
      <Form form={form} headingLevel={3} submitLabel={t('ecosystem.experts.submit')}>
        <TextField form={form} name="displayName" maxLength={120} />
        <ChoiceField form={form} name="fields" type="checkbox" options={options.fields} />
        <TextAreaField form={form} name="offersVi" rows={3} maxLength={1000} />
        <TextAreaField form={form} name="offersEn" isOptional rows={3} maxLength={1000} />
        <TextField form={form} name="affiliation" isOptional maxLength={200} />
        <TextField form={form} name="publicEmail" type="email" isOptional maxLength={254} />
        <CheckboxField form={form} name="consent" />
      </Form>
    </Section>
  );
}
