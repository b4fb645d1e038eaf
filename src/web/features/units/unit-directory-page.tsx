import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Unit } from '../../../shared/contracts/identity.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { unitMatches } from './unit-tree.js';
import { usePublicUnits } from './api.js';
import { unitPaths } from './unit-paths.js';

const communeLevelKinds: ReadonlyArray<Unit['kind']> = ['ward', 'commune', 'special_zone'];

/** Every active unit, departments first then wards and communes, with a filter kept in the URL. */
export function UnitDirectoryPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const units = usePublicUnits();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = searchParams.get('q') ?? '';
  const filterId = useId();
  useDocumentTitle(t('app.pageTitle', { page: t('units.directory.pageTitle') }));

  const items = useMemo(() => (units.data?.items ?? []).filter((unit) => unit.parentId !== null), [units.data]);
  const shown = items.filter((unit) => unitMatches(unit, filter)).sort((a, b) => localized(a.name).localeCompare(localized(b.name), 'vi'));
  const groups = [
    { key: 'agencies' as const, units: shown.filter((unit) => !communeLevelKinds.includes(unit.kind)) },
    { key: 'communeLevel' as const, units: shown.filter((unit) => communeLevelKinds.includes(unit.kind)) },
  ];

  return (
    <div className="container page">
      <h1>{t('units.directory.heading')}</h1>
      <p>{t('units.directory.intro')}</p>
      <div className="field">
        <label htmlFor={filterId} className="field__label">
          {t('units.directory.filter')}
        </label>
        <div id={`${filterId}-hint`} className="field__hint">
          {t('units.directory.filterHint')}
        </div>
        <input
          id={filterId}
          className="field__input"
          type="search"
          value={filter}
          maxLength={100}
          aria-describedby={`${filterId}-hint`}
          onChange={(event) => setSearchParams(event.target.value ? { q: event.target.value } : {}, { replace: true })}
        />
      </div>
      {units.isPending ? <Loading /> : null}
      {units.isError ? <QueryError error={units.error} onRetry={() => void units.refetch()} /> : null}
      {units.data ? (
        <>
          <p role="status" className="muted">
            {t('units.directory.count', { shown: shown.length, total: items.length })}
          </p>
          {shown.length === 0 ? <p>{t('units.directory.empty')}</p> : null}
          {groups
            .filter((group) => group.units.length > 0)
            .map((group) => (
              <section key={group.key} aria-labelledby={`${filterId}-${group.key}`}>
                <h2 id={`${filterId}-${group.key}`}>{t(`units.directory.groups.${group.key}`)}</h2>
                <ul className="unit-directory">
                  {group.units.map((unit) => (
                    <li key={unit.id}>
                      <Link to={unitPaths.unit(unit.code)}>{localized(unit.name)}</Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </>
      ) : null}
    </div>
  );
}
