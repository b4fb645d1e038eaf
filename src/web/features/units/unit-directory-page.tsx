import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Unit } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledInput } from '../../components/form/field-shell.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { usePublicUnits } from './api.js';
import { unitMatches } from './unit-tree.js';
import { unitPaths } from './unit-paths.js';
import styles from './units.module.css';

const communeLevelKinds: ReadonlyArray<Unit['kind']> = ['ward', 'commune', 'special_zone'];

/** Every active unit, departments first then wards and communes, with a filter kept in the URL. */
export function UnitDirectoryPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const units = usePublicUnits();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = searchParams.get('q') ?? '';

  const items = useMemo(() => (units.data?.items ?? []).filter((unit) => unit.parentId !== null), [units.data]);
  const shown = items.filter((unit) => unitMatches(unit, filter)).sort((a, b) => localized(a.name).localeCompare(localized(b.name), 'vi'));
  const groups = [
    { key: 'agencies' as const, units: shown.filter((unit) => !communeLevelKinds.includes(unit.kind)) },
    { key: 'communeLevel' as const, units: shown.filter((unit) => communeLevelKinds.includes(unit.kind)) },
  ];

  return (
    <Page>
      <PageHeader
        title={t('units.directory.heading')}
        documentTitle={t('units.directory.pageTitle')}
        subtitle={t('units.directory.intro')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
      />
      <LabelledInput
        label={t('units.directory.filter')}
        hint={t('units.directory.filterHint')}
        type="search"
        value={filter}
        maxLength={100}
        onChange={(event) => setSearchParams(event.target.value ? { q: event.target.value } : {}, { replace: true })}
      />
      {units.isPending ? <Loading /> : null}
      {units.isError ? <QueryError error={units.error} onRetry={() => void units.refetch()} /> : null}
      {units.data ? (
        <>
          <p role="status" className="muted">
            {t('units.directory.count', { shown: shown.length, total: items.length })}
          </p>
          {shown.length === 0 ? <EmptyState title={t('units.directory.empty')}>{t('units.directory.emptyNext')}</EmptyState> : null}
          {groups
            .filter((group) => group.units.length > 0)
            .map((group) => (
              <Section key={group.key} title={t(`units.directory.groups.${group.key}`)}>
                <UnitLinks units={group.units} />
              </Section>
            ))}
        </>
      ) : null}
    </Page>
  );
}

/** Units as links to their pages, in columns. */
export function UnitLinks({ units }: { units: readonly Unit[] }) {
  const localized = useLocalized();
  return (
    <ul className={styles.directory}>
      {units.map((unit) => (
        <li key={unit.id}>
          <Link to={unitPaths.unit(unit.code)}>{localized(unit.name)}</Link>
        </li>
      ))}
    </ul>
  );
}
