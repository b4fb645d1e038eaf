import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CampaignDto, InitiativeDto } from '../../../shared/contracts/movement.js';
import { initiativeKinds, initiativeSubmissionSchema } from '../../../shared/contracts/movement.js';
import type { Me } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { FieldGroup } from '../../components/form/field-group.js';
import { DateField, NumberField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { resolveMessage, type ErrorMap } from '../../components/form/messages.js';
import { labelForPath, type AnyLabels } from '../../components/form/paths.js';
import { RepeatingRows, RowsTotal } from '../../components/form/repeating-rows.js';
import { errorsFromServer } from '../../components/form/server-errors.js';
import { useForm, type InputReaders } from '../../components/form/use-form.js';
import { Notice } from '../../components/notice/notice.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { toastState } from '../../components/toast/toast.js';
import { formatDateRange, formatDateTime, formatNumber, parseDecimal, todayInCity } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns, useCreateDraft, useInitiative, useSaveDraft, useTransition, useUnits } from './api.js';
import { AttachmentsEditor } from './attachments.js';
import { campaignParam, movementPaths } from './paths.js';
import { SimilarInitiatives } from './similar-initiatives.js';
import styles from './movement.module.css';

type AuthorRow = {
  fullName: string;
  email: string;
  workplace: string;
  jobTitle: string;
  qualification: string;
  contributionPercent: string;
};
type AppliedRow = { fullName: string; workplace: string; jobTitle: string; qualification: string; contribution: string };
type Values = {
  callId: string;
  unitId: string;
  title: string;
  kind: string;
  fieldCode: string;
  ownerName: string;
  firstAppliedOn: string;
  essence: string;
  confidentialInfo: string;
  conditions: string;
  benefits: string;
  authors: AuthorRow[];
  appliedBy: AppliedRow[];
};

const newAuthor = (): AuthorRow => ({ fullName: '', email: '', workplace: '', jobTitle: '', qualification: '', contributionPercent: '' });
const newApplied = (): AppliedRow => ({ fullName: '', workplace: '', jobTitle: '', qualification: '', contribution: '' });
const autosaveDelayMs = 800;

function valuesOf(dto: InitiativeDto): Values {
  return {
    callId: dto.callId ?? '',
    unitId: dto.unitId ?? '',
    title: dto.title,
    kind: dto.kind,
    fieldCode: dto.fieldCode,
    ownerName: dto.ownerName,
    firstAppliedOn: dto.firstAppliedOn ?? '',
    essence: dto.essence,
    confidentialInfo: dto.confidentialInfo,
    conditions: dto.conditions,
    benefits: dto.benefits,
    authors: dto.authors.map((a) => ({
      fullName: a.fullName,
      email: a.email ?? '',
      workplace: a.workplace,
      jobTitle: a.jobTitle,
      qualification: a.qualification,
      contributionPercent: String(a.contributionPercent),
    })),
    appliedBy: dto.appliedBy.map((p) => ({
      fullName: p.fullName,
      workplace: p.workplace,
      jobTitle: p.jobTitle,
      qualification: p.qualification,
      contribution: p.contribution,
    })),
  };
}

/** The request body: empty optional fields become null, numbers are read in the page's language. */
function bodyOf(values: Values, read: InputReaders) {
  return {
    ...values,
    callId: values.callId || null,
    unitId: values.unitId || null,
    firstAppliedOn: values.firstAppliedOn || null,
    authors: values.authors.map((a) => ({ ...a, email: a.email.trim() || null, contributionPercent: read.number(a.contributionPercent) })),
  };
}

/** A draft may be incomplete, but not wrong: autosave leaves out the people not named yet. */
function draftBodyOf(values: Values, read: InputReaders) {
  const body = bodyOf(values, read);
  return {
    ...body,
    authors: body.authors
      .filter((a) => a.fullName.trim() !== '')
      .map((a) => ({
        ...a,
        contributionPercent:
          a.contributionPercent !== undefined &&
          Number.isInteger(a.contributionPercent) &&
          a.contributionPercent >= 1 &&
          a.contributionPercent <= 100
            ? a.contributionPercent
            : 1,
      })),
    appliedBy: body.appliedBy.filter((p) => p.fullName.trim() !== ''),
  };
}

/** The application form (new or an existing draft); saved as one types. */
export function SubmitPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <Page width="narrow">
      <PageHeader
        title={t('movement.submit.heading')}
        documentTitle={id ? t('movement.submit.editTitle') : t('movement.submit.pageTitle')}
        subtitle={t('movement.submit.intro')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.mine.heading'), to: movementPaths.mine },
        ]}
      />
      <RequireSignedIn>{(user) => (id ? <ExistingDraft id={id} /> : <NewDraft user={user} />)}</RequireSignedIn>
    </Page>
  );
}

function ExistingDraft({ id }: { id: string }) {
  const initiative = useInitiative(id);
  const campaigns = useCampaigns();
  if (initiative.isPending || campaigns.isPending) return <Loading />;
  if (initiative.isError) return <QueryError error={initiative.error} onRetry={() => void initiative.refetch()} />;
  if (campaigns.isError) return <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  const campaign = campaigns.data.campaigns.find((c) => c.id === initiative.data.campaignId);
  if (!campaign) return <Loading />;
  return <InitiativeForm campaign={campaign} initial={initiative.data} initialValues={valuesOf(initiative.data)} />;
}

function NewDraft({ user }: { user: Me }) {
  const campaigns = useCampaigns();
  // A campaign page links here with its code, so the new draft answers that campaign's open call.
  const [searchParams] = useSearchParams();
  const wanted = searchParams.get(campaignParam);
  const wantedCampaign = campaigns.data?.campaigns.find((c) => c.code === wanted);
  // A campaign launched a moment ago is not in the cached list yet: wait for the fresh one.
  if (campaigns.isPending || (wanted !== null && !wantedCampaign && campaigns.isFetching)) return <Loading />;
  if (campaigns.isError) return <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  const campaign = wantedCampaign ?? campaigns.data.campaigns[0];
  if (!campaign) return <NoCampaign />;
  const initialValues: Values = {
    callId: campaign.calls.find((c) => c.isOpen)?.id ?? '',
    unitId: '',
    title: '',
    kind: 'technical',
    fieldCode: '',
    ownerName: '',
    firstAppliedOn: '',
    essence: '',
    confidentialInfo: '',
    conditions: '',
    benefits: '',
    authors: [{ ...newAuthor(), fullName: user.displayName, email: user.email, contributionPercent: '100' }],
    appliedBy: [],
  };
  return <InitiativeForm campaign={campaign} initial={null} initialValues={initialValues} />;
}

function InitiativeForm({
  campaign,
  initial,
  initialValues,
}: {
  campaign: CampaignDto;
  initial: InitiativeDto | null;
  initialValues: Values;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const navigate = useNavigate();
  const units = useUnits();
  const [id, setId] = useState<string | null>(initial?.id ?? null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const create = useCreateDraft();
  const save = useSaveDraft();
  const transition = useTransition();
  const read: InputReaders = { number: (text) => parseDecimal(text, locale) };
  const labels = {
    callId: t('movement.submit.call'),
    unitId: t('movement.submit.unit'),
    title: t('movement.common.title'),
    kind: t('movement.submit.kind'),
    fieldCode: t('movement.common.field'),
    ownerName: t('movement.submit.ownerName'),
    firstAppliedOn: t('movement.submit.firstAppliedOn'),
    essence: t('movement.submit.essence'),
    confidentialInfo: t('movement.submit.confidentialInfo'),
    conditions: t('movement.submit.conditions'),
    benefits: t('movement.submit.benefits'),
    authors: {
      label: t('movement.submit.authors'),
      row: (n: number) => t('movement.submit.authorNumber', { n }),
      fields: {
        fullName: t('movement.submit.authorName'),
        email: t('movement.submit.authorEmail'),
        workplace: t('movement.submit.authorWorkplace'),
        jobTitle: t('movement.submit.authorJobTitle'),
        qualification: t('movement.submit.authorQualification'),
        contributionPercent: t('movement.submit.authorShare'),
      },
    },
    appliedBy: {
      label: t('movement.submit.appliedBy'),
      row: (n: number) => t('movement.submit.appliedNumber', { n }),
      fields: {
        fullName: t('movement.submit.appliedName'),
        workplace: t('movement.submit.authorWorkplace'),
        jobTitle: t('movement.submit.authorJobTitle'),
        qualification: t('movement.submit.authorQualification'),
        contribution: t('movement.submit.appliedWhat'),
      },
    },
  };

  /**
   * Creates the draft on its first save, then saves it; the address becomes the draft's own. Saves go one
   * after another: each edit carries the version the previous one answered, so a submit pressed while an
   * autosave is on its way would otherwise be refused as someone else's change.
   */
  const lastSave = useRef<Promise<unknown>>(Promise.resolve());
  const draftId = useRef(id);
  const persist = (values: Values): Promise<string> => {
    const run = lastSave.current
      .catch(() => undefined)
      .then(async () => {
        const body = draftBodyOf(values, read);
        const existing = draftId.current;
        const dto = existing
          ? await save.mutateAsync({ id: existing, body })
          : await create.mutateAsync({ campaignId: campaign.id, ...body });
        if (!existing) {
          draftId.current = dto.id;
          setId(dto.id);
          window.history.replaceState(window.history.state, '', movementPaths.edit(dto.id));
        }
        setSavedAt(new Date().toISOString());
        return dto.id;
      });
    lastSave.current = run;
    return run;
  };

  const form = useForm({
    id: 'initiative',
    initialValues,
    labels,
    schema: initiativeSubmissionSchema,
    toInput: (values, readers) => ({ campaignId: campaign.id, ...bodyOf(values, readers) }),
    // What the schema cannot say: shares must add up, and the first use cannot be in the future.
    validate: (values) => {
      const errors: ErrorMap = {};
      const total = values.authors.reduce((sum, a) => sum + (read.number(a.contributionPercent) || 0), 0);
      if (values.authors.length > 0 && total !== 100)
        errors.authors = (tr, lang) => tr('movement.submit.shareMustBe100', { total: formatNumber(total, lang) });
      if (values.firstAppliedOn && values.firstAppliedOn > todayInCity(new Date()))
        errors.firstAppliedOn = (tr) => tr('movement.submit.notInFuture');
      return errors;
    },
    onSubmit: async (_body, values) => {
      // Nothing is created until the application is complete; then it is saved and submitted.
      const savedId = await persist(values);
      const dto = await transition.mutateAsync({ id: savedId, action: initial?.state === 'returned' ? 'resubmit' : 'submit', reason: '' });
      await navigate(movementPaths.dossier(dto.id), { state: toastState('movement.submit.submitted') });
    },
  });

  // Autosave: a pause in typing saves the draft (the first save creates it), once it has a title.
  const lastSaved = useRef(JSON.stringify(initialValues));
  const autosave = useRef(persist);
  autosave.current = persist;
  useEffect(() => {
    const snapshot = JSON.stringify(form.values);
    if (snapshot === lastSaved.current || form.values.title.trim() === '' || form.isSubmitting) return undefined;
    const timer = window.setTimeout(() => {
      lastSaved.current = snapshot;
      autosave.current(form.values).catch(() => undefined);
    }, autosaveDelayMs);
    return () => window.clearTimeout(timer);
  }, [form.values, form.isSubmitting]);

  const shareTotal = form.values.authors.reduce((sum, a) => sum + (read.number(a.contributionPercent) || 0), 0);
  const effectiveId = id ?? create.data?.id ?? null;
  const saveError = create.error ?? save.error;

  return (
    <>
      <p role="status" className={styles.meta}>
        {create.isPending || save.isPending
          ? t('movement.submit.saving')
          : savedAt
            ? t('movement.submit.saved', { time: formatDateTime(savedAt, locale) })
            : ''}
      </p>
      {saveError ? <AutosaveError error={saveError} labels={labels as unknown as AnyLabels} /> : null}
      <Form
        form={form}
        submitLabel={t('movement.submit.submitNow')}
        hasRequiredNote
        actions={
          effectiveId ? (
            <Link className={buttonClass('secondary')} to={movementPaths.dossier(effectiveId)}>
              {t('movement.dossier.pageTitle', { code: create.data?.code ?? initial?.code ?? '' })}
            </Link>
          ) : null
        }
      >
        <FieldGroup legend={t('movement.submit.about')}>
          <SelectField
            form={form}
            name="callId"
            isOptional
            emptyOption={t('movement.submit.noCall')}
            options={campaign.calls.map((c) => ({
              value: c.id,
              label: `${localized(c.title)} (${formatDateRange(c.opensOn, c.closesOn, locale)})`,
            }))}
          />
          <SelectField
            form={form}
            name="unitId"
            isOptional
            emptyOption={t('movement.submit.noUnit')}
            options={units.data?.items.map((u) => ({ value: u.id, label: localized(u.name) })) ?? []}
          />
          <TextField form={form} name="title" maxLength={300} />
          <SelectField form={form} name="kind" options={initiativeKinds.map((k) => ({ value: k, label: t(`movement.kinds.${k}`) }))} />
          <SelectField
            form={form}
            name="fieldCode"
            emptyOption={t('movement.submit.chooseField')}
            options={campaign.fields.map((f) => ({ value: f.code, label: localized(f.name) }))}
          />
          <TextField form={form} name="ownerName" isOptional maxLength={300} />
          <DateField form={form} name="firstAppliedOn" max={todayInCity(new Date())} />
          <TextAreaField form={form} name="essence" hint={t('movement.submit.essenceHint')} rows={6} />
          <SimilarInitiatives text={`${form.values.title} ${form.values.essence}`} excludeId={effectiveId ?? ''} />
          <TextAreaField form={form} name="confidentialInfo" isOptional hint={t('movement.submit.confidentialHint')} rows={3} />
          <TextAreaField form={form} name="conditions" isOptional rows={3} />
          <TextAreaField form={form} name="benefits" rows={3} />
        </FieldGroup>

        <RepeatingRows
          form={form}
          name="authors"
          newRow={newAuthor}
          addLabel={t('movement.submit.addAuthor')}
          minRows={1}
          maxRows={20}
          summary={
            <RowsTotal isOnTarget={shareTotal === 100}>
              {t('movement.submit.shareTotal', { total: formatNumber(shareTotal, locale) })}
            </RowsTotal>
          }
        >
          {(row) => (
            <>
              <TextField form={form} name={row.path('fullName')} maxLength={200} autoComplete="off" />
              <TextField form={form} name={row.path('email')} type="email" isOptional maxLength={254} autoComplete="off" />
              <TextField form={form} name={row.path('workplace')} isOptional maxLength={300} />
              <TextField form={form} name={row.path('jobTitle')} isOptional maxLength={300} />
              <TextField form={form} name={row.path('qualification')} isOptional maxLength={300} />
              <NumberField form={form} name={row.path('contributionPercent')} unit="%" maxLength={3} />
            </>
          )}
        </RepeatingRows>

        <RepeatingRows form={form} name="appliedBy" newRow={newApplied} addLabel={t('movement.submit.addApplied')} maxRows={50}>
          {(row) => (
            <>
              <TextField form={form} name={row.path('fullName')} maxLength={200} autoComplete="off" />
              <TextField form={form} name={row.path('workplace')} isOptional maxLength={300} />
              <TextField form={form} name={row.path('contribution')} isOptional maxLength={2000} />
            </>
          )}
        </RepeatingRows>

        <AttachmentsEditor initiativeId={effectiveId} />
      </Form>
    </>
  );
}

function NoCampaign() {
  const { t } = useTranslation();
  return <EmptyState title={t('movement.submit.noCampaign')} />;
}

/** Why the draft could not be saved, each problem named by its field's label (never a request path). */
function AutosaveError({ error, labels }: { error: unknown; labels: AnyLabels }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { errors, formMessages } = errorsFromServer(error, labels);
  return (
    <Notice tone="error" role="alert" title={t('movement.submit.notSaved')}>
      <ul>
        {Object.entries(errors).map(([path, message]) => (
          <li key={path}>
            {labelForPath(labels, path)}: {resolveMessage(message, t, locale)}
          </li>
        ))}
        {formMessages.map((message, index) => (
          <li key={index}>{resolveMessage(message, t, locale)}</li>
        ))}
      </ul>
    </Notice>
  );
}
