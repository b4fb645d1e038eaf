import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { unitCreateBodySchema, unitKinds, unitUpdateBodySchema, type Unit } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../components/button/button.js';
import { Panel } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledCheckbox, LabelledInput } from '../../components/form/field-shell.js';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { childrenByParent, subtreeIds, unitMatches } from '../units/unit-tree.js';
import { adminPaths } from './admin-paths.js';
import { useAdminUnit, useAdminUnits, useCreateUnit, useUpdateUnit } from './api.js';
import { RequireAdministrator } from './require-administrator.js';
import styles from './admin.module.css';

/** The unit tree: filter it, add a unit, rename, move or deactivate one. */
export function UnitsPage() {
  return (
    <Page width="wide">
      <RequireAdministrator>{() => <UnitsAdministration />}</RequireAdministrator>
    </Page>
  );
}

function UnitsAdministration() {
  const { t } = useTranslation();
  const units = useAdminUnits();
  const [filter, setFilter] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Unit | null>(null);
  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  const byParent = useMemo(() => childrenByParent(items), [items]);
  const visible = (unit: Unit) => (showInactive || unit.isActive) && unitMatches(unit, filter);
  const shownCount = items.filter(visible).length;

  return (
    <>
      <PageHeader
        title={t('admin.units.heading')}
        documentTitle={t('admin.units.pageTitle')}
        subtitle={t('admin.units.intro')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('admin.home.heading'), to: adminPaths.home },
        ]}
      />
      {units.isPending ? <Loading /> : null}
      {units.isError ? <QueryError error={units.error} onRetry={() => void units.refetch()} /> : null}
      {units.data ? (
        <div className="columns">
          <Section title={t('admin.units.treeLabel')}>
            <LabelledInput
              label={t('admin.units.filter')}
              hint={t('admin.units.filterHint')}
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
            <LabelledCheckbox
              label={t('admin.units.showInactive')}
              checked={showInactive}
              onChange={(event) => setShowInactive(event.target.checked)}
            />
            <p className="muted" role="status">
              {t('admin.units.count', { shown: shownCount, total: items.length })}
            </p>
            {shownCount === 0 ? <EmptyState title={t('admin.units.none')}>{t('admin.units.noneNext')}</EmptyState> : null}
            <UnitBranch parentId={null} byParent={byParent} isVisible={visible} isFiltering={filter.trim() !== ''} onEdit={setEditing} />
          </Section>
          <div>
            {editing ? (
              <EditUnit key={editing.id} unit={editing} units={items} byParent={byParent} onDone={() => setEditing(null)} />
            ) : null}
            <CreateUnitForm units={items} />
          </div>
        </div>
      ) : null}
    </>
  );
}

type BranchProps = {
  parentId: string | null;
  byParent: Map<string | null, Unit[]>;
  isVisible: (unit: Unit) => boolean;
  /** While filtering, a hidden unit's visible descendants still show, under their nearest shown ancestor. */
  isFiltering: boolean;
  onEdit: (unit: Unit) => void;
};

function UnitBranch({ parentId, byParent, isVisible, isFiltering, onEdit }: BranchProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const children = byParent.get(parentId) ?? [];
  const rows = children.flatMap((unit) => {
    const branch = (
      <UnitBranch
        key={`${unit.id}-children`}
        parentId={unit.id}
        byParent={byParent}
        isVisible={isVisible}
        isFiltering={isFiltering}
        onEdit={onEdit}
      />
    );
    if (!isVisible(unit))
      return isFiltering
        ? [
            <li key={unit.id} className={styles.passthrough}>
              {branch}
            </li>,
          ]
        : [];
    return [
      <li key={unit.id}>
        <div className={styles.row} data-unit={unit.code}>
          <span className={styles.name}>{localized(unit.name)}</span> <code>{unit.code}</code>{' '}
          <StatusTag tone="neutral">{t(`unitKinds.${unit.kind}`)}</StatusTag>
          {unit.isActive ? null : <StatusTag tone="warning">{t('admin.units.inactive')}</StatusTag>}
          <Button variant="secondary" size="small" onClick={() => onEdit(unit)}>
            {t('admin.units.edit')}
            <span className="visually-hidden"> {localized(unit.name)}</span>
          </Button>
        </div>
        {branch}
      </li>,
    ];
  });
  return rows.length > 0 ? (
    <ul className={[styles.tree, parentId === null ? styles.root : undefined].filter(Boolean).join(' ')}>{rows}</ul>
  ) : null;
}

/** Options for a parent select: every active unit except those listed, by name with its code. */
function useParentOptions(units: readonly Unit[], excluded: Set<string>) {
  const localized = useLocalized();
  return units
    .filter((unit) => unit.isActive && !excluded.has(unit.id))
    .sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'))
    .map((unit) => ({ value: unit.id, label: `${localized(unit.name)} (${unit.code})` }));
}

function useKindOptions() {
  const { t } = useTranslation();
  return unitKinds.filter((kind) => kind !== 'city').map((kind) => ({ value: kind, label: t(`unitKinds.${kind}`) }));
}

function CreateUnitForm({ units }: { units: readonly Unit[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const createUnit = useCreateUnit();
  const parentOptions = useParentOptions(units, new Set());
  const kindOptions = useKindOptions();
  const city = units.find((unit) => unit.parentId === null);
  const initialValues = { code: '', nameVi: '', nameEn: '', kind: 'department', parentId: city?.id ?? '' };
  const form = useForm({
    id: 'unit-create',
    initialValues,
    labels: {
      code: t('admin.units.code'),
      nameVi: t('admin.units.nameVi'),
      nameEn: t('admin.units.nameEn'),
      kind: t('admin.units.kind'),
      parentId: t('admin.units.parent'),
    },
    schema: unitCreateBodySchema,
    onSubmit: async (body: z.output<typeof unitCreateBodySchema>) => {
      const unit = await createUnit.mutateAsync(body);
      form.reset(initialValues);
      return (tr) => tr('admin.units.created', { name: localized(unit.name) });
    },
  });
  return (
    <Panel title={t('admin.units.createHeading')}>
      <Form form={form} headingLevel={3} submitLabel={t('admin.units.create')} submittingLabel={t('admin.units.creating')}>
        <TextField form={form} name="code" hint={t('admin.units.codeHint')} maxLength={32} width="short" autoComplete="off" />
        <TextField form={form} name="nameVi" maxLength={200} autoComplete="off" />
        <TextField form={form} name="nameEn" maxLength={200} autoComplete="off" />
        <SelectField form={form} name="kind" options={kindOptions} />
        <SelectField form={form} name="parentId" options={parentOptions} />
      </Form>
    </Panel>
  );
}

type EditProps = { unit: Unit; units: readonly Unit[]; byParent: Map<string | null, Unit[]>; onDone: () => void };

/** Edits the unit as it is now (loaded on its own, with the version the edit starts from), not as the list showed it. */
function EditUnit(props: EditProps) {
  const loaded = useAdminUnit(props.unit.id);
  return loaded.data ? <EditUnitForm {...props} unit={loaded.data} /> : null;
}

function EditUnitForm({ unit, units, byParent, onDone }: EditProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const updateUnit = useUpdateUnit();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A unit cannot move under itself or under one of its own descendants.
  const parentOptions = useParentOptions(units, subtreeIds(byParent, unit.id));
  const kindOptions = useKindOptions();
  const isCity = unit.parentId === null;
  useEffect(() => headingRef.current?.focus(), []);

  const form = useForm({
    id: 'unit-edit',
    initialValues: { nameVi: unit.name.vi, nameEn: unit.name.en, kind: unit.kind, parentId: unit.parentId ?? '', isActive: unit.isActive },
    labels: {
      nameVi: t('admin.units.nameVi'),
      nameEn: t('admin.units.nameEn'),
      kind: t('admin.units.kind'),
      parentId: t('admin.units.parent'),
      isActive: t('admin.units.isActive'),
    },
    schema: unitUpdateBodySchema,
    // The city itself keeps its kind and has no parent: send only what may change.
    toInput: (values) => (isCity ? { nameVi: values.nameVi, nameEn: values.nameEn } : values),
    onSubmit: async (body: z.output<typeof unitUpdateBodySchema>) => {
      const saved = await updateUnit.mutateAsync({ id: unit.id, body });
      onDone();
      return (tr) => tr('admin.units.saved', { name: localized(saved.name) });
    },
  });

  return (
    <Panel tone="highlight">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('admin.units.editHeading', { name: localized(unit.name) })}
      </h2>
      <Form
        form={form}
        headingLevel={3}
        submitLabel={t('admin.units.save')}
        submittingLabel={t('admin.units.saving')}
        actions={
          <Button variant="secondary" onClick={onDone}>
            {t('admin.units.cancel')}
          </Button>
        }
      >
        <TextField form={form} name="nameVi" maxLength={200} autoComplete="off" />
        <TextField form={form} name="nameEn" maxLength={200} autoComplete="off" />
        {isCity ? null : (
          <>
            <SelectField form={form} name="kind" options={kindOptions} />
            <SelectField form={form} name="parentId" options={parentOptions} />
            <CheckboxField form={form} name="isActive" />
          </>
        )}
      </Form>
    </Panel>
  );
}
