import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { unitCreateBodySchema, unitKinds, unitUpdateBodySchema, type Unit } from '../../../shared/contracts/identity.js';
import { CheckboxField, SelectField, TextField } from '../../components/form/form-field.js';
import { useForm } from '../../components/form/use-form.js';
import { ValidatedForm } from '../../components/form/validated-form.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useAdminUnits, useCreateUnit, useUpdateUnit } from './api.js';
import { RequireAdministrator } from './require-administrator.js';
import { childrenByParent, subtreeIds, unitMatches } from '../units/unit-tree.js';

/** The unit tree: filter it, add a unit, rename, move or deactivate one. */
export function UnitsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('admin.units.pageTitle') }));
  return <RequireAdministrator>{() => <UnitsAdministration />}</RequireAdministrator>;
}

function UnitsAdministration() {
  const { t } = useTranslation();
  const units = useAdminUnits();
  const [filter, setFilter] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Unit | null>(null);
  const [status, setStatus] = useState('');
  const filterId = useId();
  const inactiveId = useId();
  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  const byParent = useMemo(() => childrenByParent(items), [items]);
  const visible = (unit: Unit) => (showInactive || unit.isActive) && unitMatches(unit, filter);
  const shownCount = items.filter(visible).length;

  return (
    <div className="container page">
      <h1>{t('admin.units.heading')}</h1>
      <p>{t('admin.units.intro')}</p>
      <p role="status" className="form__status">
        {status}
      </p>
      {units.isPending ? <Loading /> : null}
      {units.isError ? <QueryError error={units.error} onRetry={() => void units.refetch()} /> : null}
      {units.data ? (
        <div className="admin-columns">
          <section aria-labelledby={`${filterId}-heading`}>
            <h2 id={`${filterId}-heading`}>{t('admin.units.treeLabel')}</h2>
            <div className="field">
              <label htmlFor={filterId} className="field__label">
                {t('admin.units.filter')}
              </label>
              <div id={`${filterId}-hint`} className="field__hint">
                {t('admin.units.filterHint')}
              </div>
              <input id={filterId} className="field__input" type="search" value={filter} aria-describedby={`${filterId}-hint`} onChange={(event) => setFilter(event.target.value)} />
            </div>
            <div className="choice">
              <input id={inactiveId} type="checkbox" className="choice__input" checked={showInactive} onChange={(event) => setShowInactive(event.target.checked)} />
              <label htmlFor={inactiveId} className="choice__label">
                {t('admin.units.showInactive')}
              </label>
            </div>
            <p className="muted">{t('admin.units.count', { shown: shownCount, total: items.length })}</p>
            <UnitBranch parentId={null} byParent={byParent} isVisible={visible} isFiltering={filter.trim() !== ''} onEdit={setEditing} />
          </section>
          <div>
            {editing ? (
              <EditUnitForm
                key={editing.id}
                unit={editing}
                units={items}
                byParent={byParent}
                onDone={(message) => {
                  setEditing(null);
                  if (message) setStatus(message);
                }}
              />
            ) : null}
            <CreateUnitForm units={items} onCreated={setStatus} />
          </div>
        </div>
      ) : null}
    </div>
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
    const branch = <UnitBranch key={`${unit.id}-children`} parentId={unit.id} byParent={byParent} isVisible={isVisible} isFiltering={isFiltering} onEdit={onEdit} />;
    if (!isVisible(unit)) return isFiltering ? [<li key={unit.id} className="unit-tree__passthrough">{branch}</li>] : [];
    return [
      <li key={unit.id} className="unit-tree__item">
        <div className="unit-tree__row">
          <span className="unit-tree__name">{localized(unit.name)}</span> <code className="unit-tree__code">{unit.code}</code>{' '}
          <span className="tag tag--neutral">{t(`admin.units.kinds.${unit.kind}`)}</span>
          {unit.isActive ? null : <span className="tag tag--warning">{t('admin.units.inactive')}</span>}
          <button type="button" className="button button--secondary button--small" onClick={() => onEdit(unit)}>
            {t('admin.units.edit')}
            <span className="visually-hidden"> {localized(unit.name)}</span>
          </button>
        </div>
        {branch}
      </li>,
    ];
  });
  return rows.length > 0 ? <ul className="unit-tree">{rows}</ul> : null;
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
  return unitKinds.filter((kind) => kind !== 'city').map((kind) => ({ value: kind, label: t(`admin.units.kinds.${kind}`) }));
}

function CreateUnitForm({ units, onCreated }: { units: readonly Unit[]; onCreated: (message: string) => void }) {
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
    labels: { code: t('admin.units.code'), nameVi: t('admin.units.nameVi'), nameEn: t('admin.units.nameEn'), kind: t('admin.units.kind'), parentId: t('admin.units.parent') },
    schema: unitCreateBodySchema,
    onSubmit: async (body: z.output<typeof unitCreateBodySchema>) => {
      const unit = await createUnit.mutateAsync(body);
      form.reset(initialValues);
      onCreated(t('admin.units.created', { name: localized(unit.name) }));
    },
  });
  return (
    <section className="panel" aria-labelledby="unit-create-heading">
      <h2 id="unit-create-heading">{t('admin.units.createHeading')}</h2>
      <ValidatedForm form={form} headingLevel={3} submitLabel={t('admin.units.create')} submittingLabel={t('admin.units.creating')}>
        <TextField form={form} name="code" hint={t('admin.units.codeHint')} maxLength={32} width="short" autoComplete="off" />
        <TextField form={form} name="nameVi" maxLength={200} autoComplete="off" />
        <TextField form={form} name="nameEn" maxLength={200} autoComplete="off" />
        <SelectField form={form} name="kind" options={kindOptions} />
        <SelectField form={form} name="parentId" options={parentOptions} />
      </ValidatedForm>
    </section>
  );
}

type EditProps = { unit: Unit; units: readonly Unit[]; byParent: Map<string | null, Unit[]>; onDone: (message: string | null) => void };

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
    labels: { nameVi: t('admin.units.nameVi'), nameEn: t('admin.units.nameEn'), kind: t('admin.units.kind'), parentId: t('admin.units.parent'), isActive: t('admin.units.isActive') },
    schema: unitUpdateBodySchema,
    // The city itself keeps its kind and has no parent: send only what may change.
    toInput: (values) => (isCity ? { nameVi: values.nameVi, nameEn: values.nameEn } : values),
    onSubmit: async (body: z.output<typeof unitUpdateBodySchema>) => {
      const saved = await updateUnit.mutateAsync({ id: unit.id, body });
      onDone(t('admin.units.saved', { name: localized(saved.name) }));
    },
  });

  return (
    <section className="panel panel--highlight" aria-labelledby="unit-edit-heading">
      <h2 id="unit-edit-heading" ref={headingRef} tabIndex={-1}>
        {t('admin.units.editHeading', { name: localized(unit.name) })}
      </h2>
      <ValidatedForm
        form={form}
        headingLevel={3}
        submitLabel={t('admin.units.save')}
        submittingLabel={t('admin.units.saving')}
        actions={
          <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
            {t('admin.units.cancel')}
          </button>
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
      </ValidatedForm>
    </section>
  );
}
