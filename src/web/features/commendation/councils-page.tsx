import { useDeferredValue, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { councilBodySchema, councilMemberRoles } from '../../../shared/contracts/commendation.js';
import { Button } from '../../components/button/button.js';
import { CardList } from '../../components/card/card.js';
import { LabelledInput } from '../../components/form/field-shell.js';
import { SelectField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import type { ErrorMap } from '../../components/form/messages.js';
import { RepeatingRows } from '../../components/form/repeating-rows.js';
import { useForm } from '../../components/form/use-form.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { QueryError } from '../../components/query-status/query-status.js';
import { WhenLoaded } from '../../components/query-status/when-loaded.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useAccountSearch, useCouncils, useCreateCouncil, useUnits } from './api.js';
import { CommendationLinks, useTrail } from './common.js';

/** The emulation and commendation councils: members see theirs; programme managers see all and set them up. */
export function CouncilsPage() {
  const { t } = useTranslation();
  return (
    <Page width="wide">
      <PageHeader
        title={t('commendation.councils.heading')}
        documentTitle={t('commendation.councils.pageTitle')}
        subtitle={t('commendation.councils.intro')}
        breadcrumbs={useTrail()}
      />
      <RequireSignedIn>
        {(user) => (
          <>
            <CommendationLinks user={user} />
            <CouncilCards />
            {isProgrammeManager(user) ? <NewCouncil /> : null}
          </>
        )}
      </RequireSignedIn>
    </Page>
  );
}

function CouncilCards() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const query = useCouncils();
  return (
    <WhenLoaded query={query}>
      {({ councils }) => (
        <CardList
          items={councils}
          itemKey={(c) => c.id}
          empty={<p>{t('commendation.councils.empty')}</p>}
          label={t('commendation.councils.heading')}
        >
          {(council) => (
            <>
              <h2>{localized(council.name)}</h2>
              <SummaryList
                isCompact
                items={[
                  { label: t('commendation.councils.unit'), value: localized(council.unit.name) },
                  {
                    label: t('commendation.councils.members'),
                    value: council.members.map((m) => `${m.displayName} (${t(`commendation.councilRoles.${m.role}`)})`).join(', '),
                  },
                ]}
              />
            </>
          )}
        </CardList>
      )}
    </WhenLoaded>
  );
}

type MemberRow = { userId: string; displayName: string; role: string };

function NewCouncil() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const units = useUnits();
  const create = useCreateCouncil();
  const [search, setSearch] = useState('');
  const candidates = useAccountSearch(useDeferredValue(search.trim()));
  const memberNames = useRef<string[]>([]);
  const form = useForm({
    id: 'council',
    initialValues: { unitId: '', nameVi: '', nameEn: '', members: [] as MemberRow[] },
    labels: {
      unitId: t('commendation.councils.unit'),
      nameVi: t('commendation.councils.nameVi'),
      nameEn: t('commendation.councils.nameEn'),
      members: {
        label: t('commendation.councils.memberList'),
        row: (n: number) => memberNames.current[n - 1] ?? '',
        fields: {
          userId: t('commendation.councils.members'),
          displayName: t('commendation.councils.members'),
          role: t('commendation.councils.members'),
        },
      },
    },
    schema: councilBodySchema,
    toInput: (v) => ({
      unitId: v.unitId,
      nameVi: v.nameVi,
      nameEn: v.nameEn,
      members: v.members.map((m) => ({ userId: m.userId, role: m.role })),
    }),
    validate: (v) => {
      const errors: ErrorMap = {};
      if (v.members.length > 0 && v.members.filter((m) => m.role === 'chair').length !== 1)
        errors.members = (tr) => tr('commendation.councils.oneChair');
      return errors;
    },
    onSubmit: async (body) => {
      await create.mutateAsync(body);
      form.reset();
      return (tr) => tr('commendation.councils.created');
    },
  });
  memberNames.current = form.values.members.map((m) => m.displayName);
  const chosen = new Set(form.values.members.map((m) => m.userId));
  const unitOptions = (units.data?.items ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: localized(u.name) }));
  return (
    <Section title={t('commendation.councils.newHeading')}>
      <Form form={form} submitLabel={t('commendation.councils.create')} hasRequiredNote>
        <SelectField form={form} name="unitId" emptyOption="—" options={unitOptions} />
        <TextField form={form} name="nameVi" maxLength={200} />
        <TextField form={form} name="nameEn" maxLength={200} />
        <RepeatingRows form={form} name="members">
          {(row) => (
            <SelectField
              form={form}
              name={row.path('role')}
              label={t('commendation.councils.roleOf', { name: form.values.members[row.index]?.displayName ?? '' })}
              options={councilMemberRoles.map((r) => ({ value: r, label: t(`commendation.councilRoles.${r}`) }))}
            />
          )}
        </RepeatingRows>
        <LabelledInput
          label={t('commendation.councils.search')}
          hint={t('commendation.councils.searchHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => (event.key === 'Enter' ? event.preventDefault() : undefined)}
        />
        {candidates.isError ? <QueryError error={candidates.error} /> : null}
        <ul className="plain-list stack" aria-label={t('commendation.councils.candidates')}>
          {candidates.data?.items
            .filter((c) => !chosen.has(c.id))
            .slice(0, 10)
            .map((c) => (
              <li key={c.id} className="cluster">
                <Button
                  variant="secondary"
                  size="small"
                  onClick={() =>
                    form.addRow('members', {
                      userId: c.id,
                      displayName: c.displayName,
                      role: form.values.members.length === 0 ? 'chair' : 'member',
                    })
                  }
                >
                  {t('commendation.councils.add', { name: c.displayName })}
                </Button>
                <span className="muted">{c.email}</span>
              </li>
            ))}
        </ul>
      </Form>
    </Section>
  );
}
