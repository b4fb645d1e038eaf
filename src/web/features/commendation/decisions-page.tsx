import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { commendationTitleCodes, decisionBodySchema } from '../../../shared/contracts/commendation.js';
import { CardList } from '../../components/card/card.js';
import { ChoiceField, DateField, SelectField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { sentenceAround, vietnameseContent } from '../../components/content-language/content-language.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDate, todayInCity } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useCurrentUser } from '../identity/session.js';
import { useCreateDecision, useDecisions, useNominations, useTitles } from './api.js';
import { CommendationLinks, useTrail } from './common.js';
import { commendationPaths } from './paths.js';

/** The decisions issued and those they commend (public); programme managers record a decision here. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Page width="wide">
      <PageHeader
        title={t('commendation.decisions.heading')}
        documentTitle={t('commendation.decisions.pageTitle')}
        subtitle={t('commendation.decisions.intro')}
        breadcrumbs={useTrail()}
      />
      {user && user.grants.some((g) => g.role !== 'registered_user') ? <CommendationLinks user={user} /> : null}
      <DecisionList />
      {user && isProgrammeManager(user) ? <NewDecision /> : null}
    </Page>
  );
}

function DecisionList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const decisions = useDecisions();
  if (decisions.isPending) return <Loading />;
  if (decisions.isError) return <QueryError error={decisions.error} onRetry={() => void decisions.refetch()} />;
  return (
    <CardList
      items={decisions.data.decisions}
      itemKey={(d) => d.id}
      layout="column"
      label={t('commendation.decisions.heading')}
      empty={<p>{t('commendation.decisions.empty')}</p>}
    >
      {(d) => (
        <>
          <h2>
            <Link to={commendationPaths.decision(d.id)}>
              {sentenceAround((number) => t('commendation.decision.heading', { number }), d.number)}
            </Link>
          </h2>
          <SummaryList
            isCompact
            items={[
              { label: t('commendation.decision.summaryTitle'), value: `${localized(d.title.name)} (${d.year})` },
              {
                label: t('commendation.decision.issuer'),
                value: `${t(`commendation.issuers.${d.issuer.kind}`)} — ${localized(d.issuer.unit.name)}`,
              },
              { label: t('commendation.decision.signedOn'), value: formatDate(d.signedOn, locale) },
              {
                label: t('commendation.decision.list'),
                value: <span {...vietnameseContent}>{d.commended.map((c) => c.name).join(', ')}</span>,
              },
            ]}
          />
        </>
      )}
    </CardList>
  );
}

/** A programme manager records the decision giving one title to nominations the council approved. */
function NewDecision() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const titles = useTitles();
  const approved = useNominations('approved');
  const create = useCreateDecision();
  const form = useForm({
    id: 'decision',
    initialValues: {
      titleCode: '',
      nominationIds: [] as string[],
      number: '',
      signedOn: todayInCity(new Date()),
      signerName: '',
      signerPosition: '',
    },
    labels: {
      titleCode: t('commendation.decisions.title'),
      nominationIds: t('commendation.decisions.nominations'),
      number: t('commendation.decisions.number'),
      signedOn: t('commendation.decisions.signedOn'),
      signerName: t('commendation.decisions.signerName'),
      signerPosition: t('commendation.decisions.signerPosition'),
    },
    schema: decisionBodySchema,
    onSubmit: async (body) => {
      await create.mutateAsync(body);
      form.reset();
      return (tr) => tr('commendation.decisions.created');
    },
  });
  if (approved.isPending || titles.isPending) return <Loading />;
  if (approved.isError) return <QueryError error={approved.error} onRetry={() => void approved.refetch()} />;
  const nameOf = (code: string) => {
    const title = titles.data?.titles.find((x) => x.code === code);
    return title ? localized(title.name) : code;
  };
  const forTitle = approved.data.items.filter((n) => n.title.code === form.values.titleCode);
  return (
    <Section title={t('commendation.decisions.newHeading')} intro={t('commendation.decisions.newIntro')}>
      <Form form={form} submitLabel={t('commendation.decisions.create')} hasRequiredNote>
        <SelectField
          form={form}
          name="titleCode"
          emptyOption="—"
          options={commendationTitleCodes
            .filter((code) => approved.data.items.some((n) => n.title.code === code))
            .map((code) => ({ value: code, label: nameOf(code) }))}
        />
        {form.values.titleCode && forTitle.length === 0 ? <Notice tone="info">{t('commendation.decisions.noneApproved')}</Notice> : null}
        {forTitle.length > 0 ? (
          <ChoiceField
            form={form}
            name="nominationIds"
            type="checkbox"
            options={forTitle.map((n) => ({
              value: n.id,
              label: `${n.nomineeName} — ${localized(n.unit.name)} (${n.year})`,
              hint: n.code,
            }))}
          />
        ) : null}
        <TextField form={form} name="number" maxLength={60} hint={t('commendation.decisions.numberHint')} />
        <DateField form={form} name="signedOn" />
        <TextField form={form} name="signerName" maxLength={200} />
        <TextField form={form} name="signerPosition" maxLength={120} hint={t('commendation.decisions.signerPositionHint')} />
      </Form>
    </Section>
  );
}
