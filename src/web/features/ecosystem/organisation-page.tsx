import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import {
  claimBodySchema,
  ecosystemFieldNames,
  organisationKindNames,
  sizeBandNames,
  startupStageNames,
  type OrganisationDto,
} from '../../../shared/contracts/ecosystem.js';
import { paths } from '../../app/paths.js';
import { Button, buttonClass } from '../../components/button/button.js';
import { Card, CardList, Panel } from '../../components/card/card.js';
import { vietnameseContent } from '../../components/content-language/content-language.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { ChoiceField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { useToast } from '../../components/toast/toast.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useSession } from '../identity/session.js';
import { useClaim, useMatches, useOrganisation, useStillActive } from './api.js';
import { ecosystemPaths } from './paths.js';
import { ProfileTags } from './tags.js';

/** schema.org type of each kind, for search engines (JSON-LD). */
const schemaTypes: Record<OrganisationDto['kind'], string> = {
  st_enterprise: 'Corporation',
  startup: 'Corporation',
  incubator: 'Organization',
  innovation_centre: 'GovernmentOrganization',
  innovation_space: 'Organization',
  research_institute: 'EducationalOrganization',
  research_group: 'ResearchOrganization',
  investor: 'Organization',
  support_organisation: 'Organization',
  technology_park: 'Organization',
};

/** The public page of one organisation: facts, verified badge, relations both ways, programmes, history, matching for startups. */
export function OrganisationPage() {
  const { slug = '' } = useParams();
  const organisation = useOrganisation(slug);
  if (organisation.isPending) return <Loading />;
  if (organisation.isError) return <QueryError error={organisation.error} onRetry={() => void organisation.refetch()} />;
  return (
    <Page>
      <Profile o={organisation.data} />
    </Page>
  );
}

function Profile({ o }: { o: OrganisationDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const session = useSession();
  const stillActive = useStillActive(o.id);
  const toast = useToast();
  const name = locale === 'en' ? o.nameEn : o.nameVi;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': schemaTypes[o.kind],
    name: o.nameVi,
    alternateName: o.nameEn,
    description: locale === 'en' ? o.descriptionEn || o.descriptionVi : o.descriptionVi,
    ...(o.website ? { url: o.website } : {}),
    ...(o.foundedYear ? { foundingDate: String(o.foundedYear) } : {}),
    ...(o.contactEmail ? { email: o.contactEmail } : {}),
    ...(o.address || o.ward
      ? {
          address: {
            '@type': 'PostalAddress',
            streetAddress: o.address,
            addressLocality: o.ward?.nameVi,
            addressRegion: 'Thành phố Hồ Chí Minh',
            addressCountry: 'VN',
          },
        }
      : {}),
  };
  return (
    <>
      <script type="application/ld+json">{JSON.stringify(jsonLd)}</script>
      <PageHeader
        title={name}
        documentTitle={name}
        subtitle={localized(organisationKindNames[o.kind])}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('ecosystem.directory.pageTitle'), to: ecosystemPaths.directory },
        ]}
        actions={
          o.isMine ? (
            <>
              <Link className={buttonClass()} to={ecosystemPaths.edit(o.slug)}>
                {t('ecosystem.organisation.edit')}
              </Link>
              <Button
                variant="secondary"
                isBusy={stillActive.isPending}
                onClick={() =>
                  stillActive.mutate(undefined, { onSuccess: () => toast.show((tr) => tr('ecosystem.organisation.stillActiveDone')) })
                }
              >
                {t('ecosystem.organisation.stillActive')}
              </Button>
            </>
          ) : undefined
        }
      />
      {stillActive.isError ? <WriteError error={stillActive.error} /> : null}
      <ProfileTags verifiedAt={o.verifiedAt} isUnconfirmed={o.isUnconfirmed} isIllustrative={o.isIllustrative} />
      {o.logoUrl ? <img src={o.logoUrl} alt="" width={96} height={96} /> : null}
      <Section title={t('ecosystem.organisation.about')}>
        <p className="prewrap">{locale === 'en' ? o.descriptionEn || o.descriptionVi : o.descriptionVi}</p>
      </Section>
      <Section title={t('ecosystem.organisation.facts')}>
        <SummaryList
          items={[
            o.fields.length > 0 && {
              label: t('ecosystem.common.fields'),
              value: o.fields.map((f) => localized(ecosystemFieldNames[f])).join(', '),
            },
            o.stage !== null && { label: t('ecosystem.common.stage'), value: localized(startupStageNames[o.stage]) },
            o.servesStages.length > 0 && {
              label: t('ecosystem.organisation.servesStages'),
              value: o.servesStages.map((s) => localized(startupStageNames[s])).join(', '),
            },
            o.certificateNumber !== null && {
              label: t('ecosystem.organisation.certificate'),
              value: t('ecosystem.organisation.certificateValue', {
                number: o.certificateNumber,
                date: o.certificateDate ? formatDate(o.certificateDate, locale) : '—',
              }),
            },
            (o.address !== '' || o.ward !== null) && {
              label: t('ecosystem.organisation.address'),
              value: [o.address, o.ward ? (locale === 'en' ? o.ward.nameEn : o.ward.nameVi) : ''].filter(Boolean).join(', '),
            },
            o.foundedYear !== null && { label: t('ecosystem.organisation.founded'), value: String(o.foundedYear) },
            o.sizeBand !== null && { label: t('ecosystem.organisation.size'), value: localized(sizeBandNames[o.sizeBand]) },
            o.website !== null && {
              label: t('ecosystem.organisation.website'),
              value: (
                <a href={o.website} rel="noopener noreferrer">
                  {o.website}
                </a>
              ),
            },
            (o.contactEmail !== null || o.contactPhone !== null) && {
              label: t('ecosystem.organisation.contact'),
              value: [o.contactEmail, o.contactPhone].filter(Boolean).join(' · '),
            },
            { label: t('ecosystem.organisation.lastConfirmed'), value: formatDate(o.lastConfirmedAt, locale) },
          ]}
        />
      </Section>
      <Section title={t('ecosystem.organisation.relations')}>
        {o.relations.length === 0 ? (
          <p className="muted">{t('ecosystem.organisation.noRelations')}</p>
        ) : (
          <ul data-list="relations">
            {o.relations.map((r) => (
              <li key={`${r.id}-${r.direction}`}>
                {localized(r.label)}:{' '}
                <Link to={ecosystemPaths.organisation(r.other.slug)}>{locale === 'en' ? r.other.nameEn : r.other.nameVi}</Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('ecosystem.organisation.programmes')}>
        {o.programmes.length === 0 ? (
          <p className="muted">{t('ecosystem.organisation.noProgrammes')}</p>
        ) : (
          <ul data-list="programmes">
            {o.programmes.map((p) => (
              <li key={p.id}>
                <Link to={ecosystemPaths.programme(p.slug)}>{locale === 'en' ? p.titleEn : p.titleVi}</Link> — {localized(p.runBy)}
                {p.acceptedAt ? ` (${t('ecosystem.organisation.acceptedOn', { date: formatDate(p.acceptedAt, locale) })})` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('ecosystem.organisation.initiatives')} intro={t('ecosystem.organisation.initiativesIntro')}>
        {o.platformLinks.initiatives.length === 0 ? (
          <p className="muted">{t('ecosystem.organisation.noInitiatives')}</p>
        ) : (
          <ul data-list="initiatives">
            {o.platformLinks.initiatives.map((i) => (
              <li key={i.code}>
                <Link to={i.url}>
                  {i.code} — <span {...vietnameseContent}>{i.title}</span>
                </Link>
                {i.awards.length > 0 ? (
                  <ul>
                    {i.awards.map((a) => (
                      <li key={`${a.decisionRef}-${a.awardedOn}`}>
                        {t('ecosystem.organisation.award', {
                          name: localized(a.name),
                          date: formatDate(a.awardedOn, locale),
                          decision: a.decisionRef,
                        })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {o.kind === 'startup' ? <Matches id={o.id} /> : null}
      {!o.hasOwner && session.data?.user ? <ClaimForm o={o} /> : null}
      <Section title={t('ecosystem.organisation.history')}>
        <DataTable
          caption={t('ecosystem.organisation.historyCaption')}
          isCaptionHidden
          name="history"
          rows={o.history.map((h, i) => ({ ...h, key: String(i) }))}
          rowKey={(h) => h.key}
          columns={[
            { key: 'at', header: t('ecosystem.organisation.when'), cell: (h) => formatDateTime(h.at, locale) },
            { key: 'what', header: t('ecosystem.organisation.what'), cell: (h) => <ActionLabel action={h.action} /> },
            {
              key: 'fields',
              header: t('ecosystem.organisation.changedFields'),
              cell: (h) => (h.action === 'organisation.update' ? h.changed.join(', ') : ''),
            },
          ]}
        />
      </Section>
    </>
  );
}

const actionKeys = {
  register: 'ecosystem.organisation.actions.register',
  update: 'ecosystem.organisation.actions.update',
  'confirm-active': 'ecosystem.organisation.actions.confirm-active',
  verify: 'ecosystem.organisation.actions.verify',
  seed: 'ecosystem.organisation.actions.seed',
  import: 'ecosystem.organisation.actions.import',
  'claim-create': 'ecosystem.organisation.actions.claim-create',
  'claim-approve': 'ecosystem.organisation.actions.claim-approve',
  'claim-reject': 'ecosystem.organisation.actions.claim-reject',
  'relation-add': 'ecosystem.organisation.actions.relation-add',
  'relation-remove': 'ecosystem.organisation.actions.relation-remove',
  'logo-upload': 'ecosystem.organisation.actions.logo-upload',
  'evidence-upload': 'ecosystem.organisation.actions.evidence-upload',
  'programme-accepted': 'ecosystem.organisation.actions.programme-accepted',
} as const;

/** A history entry's action as the page says it ("organisation.relation.add" → "Relation added"); an unknown one shows its code. */
function ActionLabel({ action }: { action: string }) {
  const { t } = useTranslation();
  const key = action.replace(/^organisation\./, '').replaceAll('.', '-');
  return <>{key in actionKeys ? t(actionKeys[key as keyof typeof actionKeys]) : action}</>;
}

function Matches({ id }: { id: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const matches = useMatches(id);
  return (
    <Section title={t('ecosystem.organisation.matches')} intro={t('ecosystem.organisation.matchesIntro')}>
      {matches.isPending ? <Loading quiet /> : null}
      {matches.isError ? <QueryError error={matches.error} onRetry={() => void matches.refetch()} /> : null}
      <div data-list="matches">
        <CardList
          items={matches.data?.items ?? []}
          itemKey={(m) => `${m.kind}-${m.id}`}
          layout="column"
          empty={<EmptyState title={t('ecosystem.organisation.noMatches')} />}
        >
          {(m) => (
            <Card headingLevel={3} title={<Link to={m.url}>{localized(m.name)}</Link>}>
              <p className="muted">{t(`ecosystem.organisation.matchKinds.${m.kind}`)}</p>
              <ul>
                {m.reasons.map((r) => (
                  <li key={r.en}>{localized(r)}</li>
                ))}
              </ul>
            </Card>
          )}
        </CardList>
      </div>
    </Section>
  );
}

const claimFormSchema = claimBodySchema.extend({ email: z.string().optional() });

function ClaimForm({ o }: { o: OrganisationDto }) {
  const { t } = useTranslation();
  const claim = useClaim(o.id);
  const form = useForm({
    id: 'claim',
    initialValues: { method: 'email', email: '', note: '' },
    labels: {
      method: t('ecosystem.organisation.claimMethod'),
      email: t('ecosystem.organisation.claimEmail'),
      note: t('ecosystem.common.note'),
    },
    schema: claimFormSchema,
    toInput: (v) => ({ method: v.method, note: v.note, ...(v.method === 'email' ? { email: v.email } : {}) }),
    onSubmit: async (body) => {
      await claim.mutateAsync({ method: body.method, note: body.note, ...(body.email ? { email: body.email } : {}) });
      return (tr) => tr('ecosystem.organisation.claimSent');
    },
  });
  return (
    <Panel title={t('ecosystem.organisation.claimHeading')}>
      <p>{t('ecosystem.organisation.claimIntro')}</p>
      <Form form={form} headingLevel={3} submitLabel={t('ecosystem.organisation.claimSubmit')}>
        <ChoiceField
          form={form}
          name="method"
          type="radio"
          options={[
            { value: 'email', label: t('ecosystem.organisation.claimByEmail') },
            { value: 'document', label: t('ecosystem.organisation.claimByDocument') },
          ]}
        />
        {form.values.method === 'email' ? <TextField form={form} name="email" type="email" maxLength={254} /> : null}
        <TextField form={form} name="note" isOptional maxLength={500} />
      </Form>
    </Panel>
  );
}
