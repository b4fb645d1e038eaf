import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import {
  commendationLimits,
  type EligibilityCheck,
  type NominationAction,
  type NominationDto,
} from '../../../shared/contracts/commendation.js';
import type { Me } from '../../../shared/contracts/identity.js';
import { ApiError } from '../../api/client.js';
import { Button, ButtonRow } from '../../components/button/button.js';
import { Panel } from '../../components/card/card.js';
import { FileField, SelectField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { ReasonForm } from '../../components/form/reason-form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice, WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag, type Tone } from '../../components/status-tag/status-tag.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { useToast } from '../../components/toast/toast.js';
import { formatDate, formatDateTime, formatFileSize } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCouncils, useNomination, useNominationStep, useRemoveFile, useSaveNomination, useUnits, useUploadFile } from './api.js';
import { NominationStateTag, useTrail } from './common.js';
import { NominationForm } from './nomination-form.js';
import { commendationPaths } from './paths.js';
import { VotePanel } from './vote-panel.js';

const checkTones: Record<EligibilityCheck['status'], Tone> = { met: 'success', not_met: 'danger', for_council: 'info' };

/** One nomination: its checks with their reasons, the dossier, the vote and the steps open to the reader. */
export function NominationPage() {
  const { id = '' } = useParams();
  return (
    <Page width="wide">
      <RequireSignedIn>{(user) => <Nomination id={id} user={user} />}</RequireSignedIn>
    </Page>
  );
}

function Nomination({ id, user }: { id: string; user: Me }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const trail = useTrail();
  const nomination = useNomination(id);
  const breadcrumbs = [...trail, { label: t('commendation.links.nominations'), to: commendationPaths.nominations }];
  if (nomination.isPending || nomination.isError) {
    const isMissing = nomination.error instanceof ApiError && nomination.error.status === 404;
    return (
      <>
        <PageHeader title={t('commendation.detail.pageTitle')} breadcrumbs={breadcrumbs} />
        {nomination.isPending ? (
          <Loading />
        ) : isMissing ? (
          <Notice tone="info">{t('commendation.detail.notFound')}</Notice>
        ) : (
          <QueryError error={nomination.error} onRetry={() => void nomination.refetch()} />
        )}
      </>
    );
  }
  const dto = nomination.data;
  return (
    <>
      <PageHeader
        kicker={`${dto.code} · ${localized(dto.title.name)} ${dto.year}`}
        title={dto.nomineeName}
        documentTitle={`${dto.nomineeName} — ${t('commendation.detail.pageTitle')}`}
        breadcrumbs={breadcrumbs}
        meta={<NominationStateTag state={dto.state} />}
      />
      <Summary dto={dto} />
      <Eligibility dto={dto} />
      {dto.vote ? <VotePanel dto={dto} vote={dto.vote} /> : null}
      <Actions dto={dto} />
      {dto.can.edit ? <EditDossier dto={dto} user={user} /> : null}
      <Dossier dto={dto} />
      <History dto={dto} />
    </>
  );
}

function Summary({ dto }: { dto: NominationDto }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Section title={t('commendation.detail.summary')}>
      <SummaryList
        items={[
          { label: t('commendation.columns.title'), value: localized(dto.title.name) },
          { label: t('commendation.detail.issuer'), value: t(`commendation.issuers.${dto.issuer}`) },
          { label: t('commendation.columns.year'), value: String(dto.year) },
          { label: t('commendation.form.subject'), value: t(`commendation.subjects.${dto.subject}`) },
          dto.nomineeJobTitle ? { label: t('commendation.form.nomineeJobTitle'), value: dto.nomineeJobTitle } : null,
          { label: t('commendation.form.nomineeUnit'), value: localized(dto.nomineeUnit.name) },
          { label: t('commendation.columns.unit'), value: localized(dto.unit.name) },
          {
            label: t('commendation.form.underReview'),
            value: dto.isUnderReview ? t('commendation.detail.underReviewYes') : t('commendation.detail.underReviewNo'),
          },
          dto.decision
            ? {
                label: t('commendation.detail.decision'),
                value: (
                  <Link to={commendationPaths.decision(dto.decision.id)}>
                    {t('commendation.detail.decisionLink', { number: dto.decision.number })}
                  </Link>
                ),
              }
            : null,
        ]}
      />
    </Section>
  );
}

/** Each check with its outcome, its reason in the reader's language, its legal basis and what it found. */
function Eligibility({ dto }: { dto: NominationDto }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Section title={t('commendation.detail.eligibility')}>
      <Notice tone={dto.eligibility.isEligible ? 'success' : 'warning'}>
        {dto.eligibility.isEligible ? t('commendation.detail.eligible') : t('commendation.detail.notEligible')}
      </Notice>
      <ul className="plain-list stack" aria-label={t('commendation.detail.eligibility')} data-checks>
        {dto.eligibility.checks.map((check) => (
          <li key={check.code} data-check={check.code}>
            <p>
              <StatusTag tone={checkTones[check.status]} status={check.status}>
                {t(`commendation.checkStatus.${check.status}`)}
              </StatusTag>{' '}
              {localized(check.message)}
            </p>
            <p className="muted">
              {t('commendation.detail.basis')}: {localized(check.basis)}
            </p>
            {check.evidence.length > 0 ? (
              <ul aria-label={t('commendation.detail.evidence')}>
                {check.evidence.map((e) => (
                  <li key={e.label}>{e.href ? <Link to={e.href}>{e.label}</Link> : e.label}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

const reasonSchema = z.object({ reason: z.string().trim().min(3).max(commendationLimits.reasonMax) });
const openVoteSchema = z.object({ councilId: z.uuid() });

/** The workflow steps the table gives the reader: withdraw and return ask why, putting to the vote asks which council. */
function Actions({ dto }: { dto: NominationDto }) {
  const { t } = useTranslation();
  const toast = useToast();
  const step = useNominationStep(dto.id);
  const [asking, setAsking] = useState<NominationAction | null>(null);
  const done = (next: NominationDto) =>
    toast.show((tr) => tr('commendation.detail.nowIn', { state: tr(`commendation.states.${next.state}`) }));
  if (dto.can.actions.length === 0) return null;
  return (
    <Panel title={t('commendation.detail.actions')}>
      {asking === 'withdraw' || asking === 'return' ? (
        <ReasonForm
          id={`reason-${asking}`}
          label={t('commendation.detail.reason')}
          hint={t('commendation.detail.reasonHint')}
          submitLabel={t(`commendation.actions.${asking}`)}
          cancelLabel={t('commendation.form.cancel')}
          schema={reasonSchema}
          onCancel={() => setAsking(null)}
          onSend={async (reason) => {
            done(await step.mutateAsync({ action: asking, reason }));
            setAsking(null);
          }}
        />
      ) : asking === 'open_vote' ? (
        <CouncilForm
          dto={dto}
          onCancel={() => setAsking(null)}
          onSend={async (councilId) => {
            done(await step.mutateAsync({ action: 'open_vote', councilId }));
            setAsking(null);
          }}
        />
      ) : (
        <ButtonRow>
          {dto.can.actions.map((action) => (
            <Button
              key={action}
              variant={action === 'withdraw' || action === 'return' ? 'secondary' : 'primary'}
              isBusy={step.isPending}
              onClick={() => (action === 'submit' ? step.mutate({ action }, { onSuccess: done }) : setAsking(action))}
            >
              {t(`commendation.actions.${action}`)}
            </Button>
          ))}
        </ButtonRow>
      )}
      {asking ? null : <WriteError error={step.error} />}
    </Panel>
  );
}

/** Which council votes: the councils of the unit whose head decides (the server refuses any other). */
function CouncilForm({
  dto,
  onSend,
  onCancel,
}: {
  dto: NominationDto;
  onSend: (councilId: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const councils = useCouncils();
  const deciderCode = dto.level === 'city' ? '79' : dto.unit.code;
  const fitting = (councils.data?.councils ?? []).filter((c) => c.unit.code === deciderCode);
  const form = useForm({
    id: 'open-vote',
    initialValues: { councilId: '' },
    labels: { councilId: t('commendation.detail.council') },
    schema: openVoteSchema,
    onSubmit: async ({ councilId }) => onSend(councilId),
  });
  if (councils.isPending) return <Loading />;
  if (councils.isError) return <QueryError error={councils.error} onRetry={() => void councils.refetch()} />;
  if (fitting.length === 0) return <Notice tone="warning">{t('commendation.detail.noCouncil')}</Notice>;
  return (
    <Form
      form={form}
      submitLabel={t('commendation.actions.open_vote')}
      headingLevel={3}
      actions={
        <Button variant="secondary" onClick={onCancel}>
          {t('commendation.form.cancel')}
        </Button>
      }
    >
      <SelectField
        form={form}
        name="councilId"
        emptyOption={t('commendation.detail.chooseCouncil')}
        options={fitting.map((c) => ({ value: c.id, label: localized(c.name) }))}
      />
    </Form>
  );
}

function EditDossier({ dto, user }: { dto: NominationDto; user: Me }) {
  const { t } = useTranslation();
  const units = useUnits();
  const save = useSaveNomination(dto.id);
  return (
    <Section title={t('commendation.form.editHeading')}>
      {units.isPending ? <Loading /> : null}
      {units.isError ? <QueryError error={units.error} onRetry={() => void units.refetch()} /> : null}
      {units.data ? (
        <NominationForm
          user={user}
          units={units.data.items}
          dto={dto}
          onSave={async (body) => {
            await save.mutateAsync(body);
          }}
        />
      ) : null}
    </Section>
  );
}

/** The achievement report, the dossier's figures and its files (added or removed while it can be edited). */
function Dossier({ dto }: { dto: NominationDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remove = useRemoveFile(dto.id);
  const toast = useToast();
  return (
    <Section title={t('commendation.detail.dossier')}>
      <h3>{t('commendation.form.report')}</h3>
      <p className="prewrap">{dto.achievementReport || t('commendation.detail.noReport')}</p>
      {dto.ratings.length > 0 ? (
        <SummaryList
          isCompact
          items={dto.ratings.map((r) => ({
            key: `rating-${r.year}`,
            label: `${t('commendation.form.ratingYear')} ${r.year}`,
            value: t(`commendation.ratings.${r.rating}`),
          }))}
        />
      ) : null}
      <h3>{t('commendation.detail.files')}</h3>
      {dto.attachments.length === 0 ? <p>{t('commendation.detail.noFiles')}</p> : null}
      <ul className="plain-list stack">
        {dto.attachments.map((file) => (
          <li key={file.id} className="cluster">
            <a href={file.url}>{file.fileName}</a>
            <span className="muted">
              {formatFileSize(file.sizeBytes, locale)} · {formatDateTime(file.uploadedAt, locale)}
            </span>
            {dto.can.edit ? (
              <Button
                size="small"
                variant="danger-outline"
                isBusy={remove.isPending}
                onClick={() => remove.mutate(file.id, { onSuccess: () => toast.show((tr) => tr('commendation.detail.removed')) })}
              >
                {t('commendation.detail.remove', { name: file.fileName })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <WriteError error={remove.error} />
      {dto.can.edit ? <UploadForm id={dto.id} /> : null}
    </Section>
  );
}

const uploadSchema = z.object({ file: z.instanceof(File) });

function UploadForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const upload = useUploadFile(id);
  const form = useForm({
    id: 'dossier-file',
    initialValues: { file: null as File | null },
    labels: { file: t('commendation.detail.fileToAdd') },
    schema: uploadSchema,
    onSubmit: async ({ file }) => {
      await upload.mutateAsync(file);
      form.reset();
      return (tr) => tr('commendation.detail.uploaded');
    },
  });
  return (
    <Form form={form} submitLabel={t('commendation.detail.upload')} headingLevel={3} isNested>
      <FileField form={form} name="file" />
    </Form>
  );
}

function History({ dto }: { dto: NominationDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (dto.history.length === 0) return null;
  return (
    <Section title={t('commendation.detail.history')}>
      <ol className="stack">
        {dto.history.map((h) => (
          <li key={`${h.occurredAt}-${h.action}-${h.toState}`}>
            <time dateTime={h.occurredAt}>{formatDate(h.occurredAt, locale)}</time> —{' '}
            {t(`commendation.states.${h.toState as NominationDto['state']}`)}
            {h.reason ? ` (${h.reason})` : ''}
          </li>
        ))}
      </ol>
    </Section>
  );
}
