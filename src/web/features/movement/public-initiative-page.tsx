import { buttonClass } from '../../components/button/button.js';
import { vietnameseContent } from '../../components/content-language/content-language.js';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { commentBodySchema } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../components/button/button.js';
import { TextAreaField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { TagGroup } from '../../components/status-tag/status-tag.js';
import { useToast } from '../../components/toast/toast.js';
import { formatDate, formatDateTime, formatPercent } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useCurrentUser } from '../identity/session.js';
import { signInPath } from '../identity/return-to.js';
import { useAddComment, useComments, usePublicInitiative, useReportComment, useSupport } from './api.js';
import { AttachmentList } from './attachments.js';
import { ReplicateForm } from './dossier-page.js';
import { movementPaths } from './paths.js';
import { InitiativeStateTag, ScopeTag } from './state-tag.js';
import { useFieldNames } from './use-field-names.js';
import styles from './movement.module.css';

/** A recognised initiative for everyone: no confidential part; supports, comments, awards and adopting units. */
export function PublicInitiativePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const fieldName = useFieldNames();
  const initiative = usePublicInitiative(id);
  const user = useCurrentUser();
  const support = useSupport(id);
  if (initiative.isPending || initiative.isError) {
    return (
      <Page>
        <PageHeader title={t('movement.gallery.pageTitle')} />
        {initiative.isPending ? <Loading /> : <QueryError error={initiative.error} onRetry={() => void initiative.refetch()} />}
      </Page>
    );
  }
  const dto = initiative.data;
  return (
    <Page>
      <PageHeader
        title={dto.title}
        titleLang="vi"
        kicker={dto.code}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.gallery.heading'), to: movementPaths.gallery },
        ]}
        meta={
          <TagGroup>
            <InitiativeStateTag state={dto.state} />
            {dto.scope ? <ScopeTag scope={dto.scope} /> : null}
            <span>
              {fieldName(dto.fieldCode)}
              {dto.unitName ? ` · ${localized(dto.unitName)}` : ''}
            </span>
          </TagGroup>
        }
        actions={
          <Link className={buttonClass('secondary')} to={movementPaths.submit}>
            {t('movement.mine.newOne')}
          </Link>
        }
      />
      <div className={styles.support}>
        <p role="status" className={styles.supportCount}>
          {t('movement.public.supportCount', { count: dto.supportCount })}
        </p>
        {user ? (
          <Button
            aria-pressed={dto.supportedByMe}
            isBusy={support.isPending}
            aria-disabled={dto.supportedByMe || undefined}
            onClick={() => (dto.supportedByMe ? undefined : support.mutate())}
          >
            {dto.supportedByMe ? t('movement.public.supported') : t('movement.public.support')}
          </Button>
        ) : (
          <p>
            <Link to={signInPath(movementPaths.publicInitiative(id))}>{t('movement.common.signInToAct')}</Link>
          </p>
        )}
        <WriteError error={support.error} />
      </div>
      <Section title={t('movement.public.essence')}>
        <p className="prewrap" {...vietnameseContent}>
          {dto.essence}
        </p>
        <h3>{t('movement.public.conditions')}</h3>
        <p className="prewrap" {...vietnameseContent}>
          {dto.conditions}
        </p>
        <h3>{t('movement.public.benefits')}</h3>
        <p className="prewrap" {...vietnameseContent}>
          {dto.benefits}
        </p>
        <h3>{t('movement.public.authors')}</h3>
        <ul className="plain-list">
          {dto.authors.map((a, i) => (
            <li key={i}>
              <span {...vietnameseContent}>{a.fullName}</span> ({formatPercent(a.contributionPercent, locale, 0)})
            </li>
          ))}
        </ul>
        <p>
          {t('movement.public.firstAppliedOn')}: {dto.firstAppliedOn ? formatDate(dto.firstAppliedOn, locale) : '—'}
        </p>
      </Section>
      <Section title={t('movement.files.heading')}>
        <AttachmentList items={dto.attachments} />
      </Section>
      <Section title={t('movement.public.awards')}>
        {dto.awards.length === 0 ? <p className="muted">{t('movement.common.noneYet')}</p> : null}
        <ul className="plain-list">
          {dto.awards.map((a) => (
            <li key={a.id}>
              {localized(a.type)} — <span {...vietnameseContent}>{a.decisionRef}</span> ({formatDate(a.awardedOn, locale)}) ·{' '}
              <Link to={movementPaths.certificate(a.id)}>{t('movement.public.certificate')}</Link>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('movement.public.replications')}>
        {dto.replications.length === 0 ? <p className="muted">{t('movement.common.noneYet')}</p> : null}
        <ul className={styles.list}>
          {dto.replications.map((r, i) => (
            <li key={i}>
              <strong>{localized(r.unitName)}</strong> ({formatDate(r.adoptedOn, locale)}):{' '}
              <span className="prewrap" {...vietnameseContent}>
                {r.results}
              </span>
            </li>
          ))}
        </ul>
      </Section>
      {user && user.grants.some((g) => g.role === 'unit_officer') ? <ReplicateForm initiativeId={id} user={user} /> : null}
      <Comments id={id} isSignedIn={user !== null} />
    </Page>
  );
}

function Comments({ id, isSignedIn }: { id: string; isSignedIn: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toast = useToast();
  const comments = useComments(id);
  const add = useAddComment(id);
  const report = useReportComment();
  const form = useForm({
    id: 'comment',
    initialValues: { body: '' },
    labels: { body: t('movement.public.commentLabel') },
    schema: commentBodySchema,
    onSubmit: async ({ body }) => {
      const saved = await add.mutateAsync(body);
      form.reset();
      return saved.status === 'held' ? (tr) => tr('movement.public.held') : (tr) => tr('movement.public.posted');
    },
  });
  return (
    <Section title={t('movement.public.comments')}>
      {comments.data?.comments.length === 0 ? <p className="muted">{t('movement.public.noComments')}</p> : null}
      <ul className={styles.list}>
        {comments.data?.comments.map((c) => (
          <li key={c.id}>
            <p className={styles.meta}>
              <strong {...vietnameseContent}>{c.authorName}</strong> ·{' '}
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale)}</time>
            </p>
            <p className="prewrap" {...vietnameseContent}>
              {c.body}
            </p>
            {/* One's own words are not reported; a visitor signs in first. */}
            {isSignedIn && !c.isMine ? (
              <Button
                variant="secondary"
                size="small"
                isBusy={report.isPending}
                onClick={() =>
                  report.mutate(
                    { id: c.id, reason: 'inappropriate' },
                    { onSuccess: () => toast.show((tr) => tr('movement.public.reported')) },
                  )
                }
              >
                {t('movement.public.report')}
                <span className="visually-hidden"> — {c.authorName}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <WriteError error={report.error} />
      {isSignedIn ? (
        <Form form={form} headingLevel={3} submitLabel={t('movement.public.send')}>
          <TextAreaField form={form} name="body" rows={3} maxLength={2000} />
        </Form>
      ) : null}
    </Section>
  );
}
