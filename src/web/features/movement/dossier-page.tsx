import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import type { Me } from '../../../shared/contracts/identity.js';
import {
  awardBodySchema,
  publicStates,
  reasonSchema,
  replicationBodySchema,
  type InitiativeDto,
  type WorkflowAction,
} from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { Button, ButtonRow } from '../../components/button/button.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { ReasonForm } from '../../components/form/reason-form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice, WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { TagGroup } from '../../components/status-tag/status-tag.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { useToast } from '../../components/toast/toast.js';
import { formatDate, formatDateTime, formatPercent, todayInCity } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useAwardTypes, useConfirmAuthorship, useInitiative, useMakeAward, useReplicate, useTransition } from './api.js';
import { DossierAttachments } from './attachments.js';
import { movementPaths } from './paths.js';
import { InitiativeStateTag, ScopeTag } from './state-tag.js';
import { useFieldNames } from './use-field-names.js';
import styles from './movement.module.css';

/** Actions taken on this page; the council's decision is on the council page. */
const pageActions: WorkflowAction[] = ['submit', 'resubmit', 'start_screening', 'accept_for_review', 'return', 'withdraw'];
/** Actions that must say why (the workflow refuses them otherwise); each asks in its own words. */
const reasonedActions = ['return', 'withdraw'] as const;
type ReasonedAction = (typeof reasonedActions)[number];
const needsReason = (action: WorkflowAction): action is ReasonedAction => (reasonedActions as readonly string[]).includes(action);

/** The whole dossier for its authors, managers and council, with what the reader may do next. */
export function DossierPage() {
  const { id = '' } = useParams();
  return (
    <Page>
      <RequireSignedIn>{() => <Dossier id={id} />}</RequireSignedIn>
    </Page>
  );
}

function Dossier({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const initiative = useInitiative(id);
  const fieldName = useFieldNames();
  if (initiative.isPending) return <Loading />;
  if (initiative.isError) return <QueryError error={initiative.error} onRetry={() => void initiative.refetch()} />;
  const dto = initiative.data;
  const isPublic = (publicStates as readonly string[]).includes(dto.state);
  return (
    <>
      <PageHeader
        title={dto.title || dto.code}
        kicker={dto.code}
        documentTitle={t('movement.dossier.pageTitle', { code: dto.code })}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.mine.heading'), to: movementPaths.mine },
        ]}
        meta={
          <TagGroup>
            <InitiativeStateTag state={dto.state} />
            {dto.scope ? <ScopeTag scope={dto.scope} /> : null}
            {isPublic ? <Link to={movementPaths.publicInitiative(dto.id)}>{t('movement.dossier.publicPage')}</Link> : null}
          </TagGroup>
        }
      />
      <SummaryList
        items={[
          { label: t('movement.common.field'), value: fieldName(dto.fieldCode) },
          { label: t('movement.submit.kind'), value: t(`movement.kinds.${dto.kind}`) },
          { label: t('movement.submit.firstAppliedOn'), value: dto.firstAppliedOn ? formatDate(dto.firstAppliedOn, locale) : '—' },
          { label: t('movement.submit.essence'), value: dto.essence },
          { label: t('movement.submit.confidentialInfo'), value: dto.confidentialInfo || '—' },
          { label: t('movement.submit.conditions'), value: dto.conditions },
          { label: t('movement.submit.benefits'), value: dto.benefits },
        ]}
      />
      <DecisionDue dto={dto} />
      <DossierAttachments items={dto.attachments} />
      <Authors dto={dto} />
      <Actions dto={dto} />
      {dto.allowedActions.includes('award') ? <AwardForm dto={dto} /> : null}
      <Section title={t('movement.dossier.history')}>
        <ol className={styles.list}>
          {dto.history.map((h, i) => (
            <li key={i}>
              <time dateTime={h.occurredAt}>{formatDateTime(h.occurredAt, locale)}</time> — {t(`movement.states.${h.toState}`)}{' '}
              {h.reason ? `(${h.reason})` : ''}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}

/** While the council deliberates: the date the unit must decide by, marked when it has passed. */
function DecisionDue({ dto }: { dto: InitiativeDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!dto.decisionDueOn) return null;
  const date = formatDate(dto.decisionDueOn, locale);
  return dto.isDecisionOverdue ? (
    <Notice tone="warning">{t('movement.deadline.dossierOverdue', { date })}</Notice>
  ) : (
    <p className="muted">{t('movement.deadline.dossier', { date })}</p>
  );
}

function Authors({ dto }: { dto: InitiativeDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toast = useToast();
  const confirm = useConfirmAuthorship(dto.id);
  const mine = dto.authors.find((a) => a.isMe && a.confirmedAt === null);
  return (
    <Section title={t('movement.dossier.authors')}>
      <DataTable
        caption={t('movement.dossier.authors')}
        isCaptionHidden
        rows={dto.authors}
        rowKey={(a) => a.id}
        columns={[
          { key: 'name', header: t('movement.submit.authorName'), isRowHeader: true, cell: (a) => a.fullName },
          { key: 'workplace', header: t('movement.submit.authorWorkplace'), cell: (a) => a.workplace },
          {
            key: 'share',
            header: t('movement.submit.authorShare'),
            align: 'end',
            cell: (a) => formatPercent(a.contributionPercent, locale, 0),
          },
          {
            key: 'state',
            header: t('movement.common.state'),
            cell: (a) =>
              a.confirmedAt ? (
                <span title={t('movement.coauthor.confirmedAt', { time: formatDateTime(a.confirmedAt, locale) })}>
                  {t('movement.submit.confirmed')}
                </span>
              ) : a.isConfirmationNeeded ? (
                t('movement.submit.notConfirmed')
              ) : (
                '—'
              ),
          },
        ]}
      />
      {mine ? (
        <Panel tone="highlight" title={t('movement.coauthor.askHeading')} headingLevel={3}>
          <p>{t('movement.coauthor.ask', { share: mine.contributionPercent })}</p>
          <Button
            isBusy={confirm.isPending}
            onClick={() => confirm.mutate(mine.id, { onSuccess: () => toast.show((tr) => tr('movement.coauthor.done')) })}
          >
            {t('movement.submit.confirmPart')}
          </Button>
        </Panel>
      ) : null}
      <WriteError error={confirm.error} />
    </Section>
  );
}

const reasonFormSchema = z.object({ reason: reasonSchema.pipe(z.string().min(3)) });

/**
 * What the reader may do with the dossier now. Moves that must say why (a manager's return, an
 * applicant's withdrawal) first ask for the reason, in words meant for who is asked; the others go at once.
 */
function Actions({ dto }: { dto: InitiativeDto }) {
  const { t } = useTranslation();
  const toast = useToast();
  const transition = useTransition();
  const [asking, setAsking] = useState<ReasonedAction | null>(null);
  const actions = dto.allowedActions.filter((a) => pageActions.includes(a));
  const canEdit =
    ['draft', 'returned'].includes(dto.state) && (dto.allowedActions.includes('submit') || dto.allowedActions.includes('resubmit'));
  const confirmState = (state: InitiativeDto['state']) =>
    toast.show((tr) => tr('movement.dossier.nowIn', { state: tr(`movement.states.${state}`) }));
  return (
    <Panel title={t('movement.dossier.actionsHeading')}>
      {actions.length === 0 ? <p>{t('movement.dossier.noActions')}</p> : null}
      {canEdit ? (
        <p>
          <Link to={movementPaths.edit(dto.id)}>{t('movement.dossier.edit')}</Link>
        </p>
      ) : null}
      {asking ? (
        <ReasonForm
          key={asking}
          id={`reason-${asking}`}
          label={t(`movement.dossier.reasonFor.${asking}`)}
          hint={t(`movement.dossier.reasonHint.${asking}`)}
          submitLabel={t(`movement.actions.${asking}`)}
          cancelLabel={t('movement.launch.cancel')}
          variant={asking === 'withdraw' ? 'danger' : 'primary'}
          schema={reasonFormSchema}
          onCancel={() => setAsking(null)}
          onSend={async (reason) => {
            const next = await transition.mutateAsync({ id: dto.id, action: asking, reason });
            setAsking(null);
            confirmState(next.state);
          }}
        />
      ) : (
        <ButtonRow>
          {actions.map((action) => (
            <Button
              key={action}
              variant={needsReason(action) ? 'secondary' : 'primary'}
              isBusy={transition.isPending}
              onClick={() =>
                needsReason(action)
                  ? setAsking(action)
                  : transition.mutate({ id: dto.id, action, reason: '' }, { onSuccess: (next) => confirmState(next.state) })
              }
            >
              {t(`movement.actions.${action}`)}
            </Button>
          ))}
        </ButtonRow>
      )}
      {asking ? null : <WriteError error={transition.error} />}
    </Panel>
  );
}

function AwardForm({ dto }: { dto: InitiativeDto }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const types = useAwardTypes();
  const award = useMakeAward(dto.id);
  const form = useForm({
    id: 'award',
    initialValues: {
      awardTypeCode: '',
      decisionRef: '',
      awardedOn: todayInCity(new Date()),
      recipients: dto.authors.map((a) => a.fullName).join(', '),
    },
    labels: {
      awardTypeCode: t('movement.dossier.awardType'),
      decisionRef: t('movement.dossier.decisionRef'),
      awardedOn: t('movement.dossier.awardedOn'),
      recipients: t('movement.dossier.recipients'),
    },
    schema: awardBodySchema,
    onSubmit: async (body) => {
      await award.mutateAsync(body);
      return (tr) => tr('movement.dossier.awarded');
    },
  });
  return (
    <Panel title={t('movement.dossier.awardHeading')}>
      <Form form={form} headingLevel={3} submitLabel={t('movement.actions.award')}>
        <SelectField
          form={form}
          name="awardTypeCode"
          emptyOption={t('movement.dossier.chooseAward')}
          options={types.data?.types.map((type) => ({ value: type.code, label: localized(type.name) })) ?? []}
        />
        <TextField form={form} name="decisionRef" maxLength={200} />
        <DateField form={form} name="awardedOn" />
        <TextField form={form} name="recipients" maxLength={1000} />
      </Form>
      {award.data ? <Link to={movementPaths.certificate(award.data.id)}>{t('movement.public.certificate')}</Link> : null}
    </Panel>
  );
}

/** A unit officer records that their unit applies the initiative (from its public page). */
export function ReplicateForm({ initiativeId, user }: { initiativeId: string; user: Me }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const replicate = useReplicate(initiativeId);
  const officerUnits = user.grants.filter((g) => g.role === 'unit_officer');
  const form = useForm({
    id: 'replicate',
    initialValues: { unitId: officerUnits[0]?.unitId ?? '', adoptedOn: todayInCity(new Date()), results: '' },
    labels: { unitId: t('movement.common.unit'), adoptedOn: t('movement.dossier.adoptedOn'), results: t('movement.dossier.results') },
    schema: replicationBodySchema,
    onSubmit: async (body) => {
      await replicate.mutateAsync(body);
      form.reset();
      return (tr) => tr('movement.common.done');
    },
  });
  if (officerUnits.length === 0) return null;
  return (
    <Panel title={t('movement.dossier.replicateHeading')}>
      <Form form={form} headingLevel={3} submitLabel={t('movement.actions.replicate')}>
        <SelectField form={form} name="unitId" options={officerUnits.map((g) => ({ value: g.unitId, label: localized(g.unitName) }))} />
        <DateField form={form} name="adoptedOn" />
        <TextAreaField form={form} name="results" rows={3} />
      </Form>
    </Panel>
  );
}
