import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { childrenByParent } from './unit-tree.js';
import { usePublicUnits } from './api.js';
import { unitPaths } from './unit-paths.js';

/** One unit: what it is, what it belongs to, and the units below it. */
export function UnitPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { code = '' } = useParams();
  const units = usePublicUnits();
  const items = units.data?.items ?? [];
  const unit = items.find((candidate) => candidate.code === code);
  const parent = unit?.parentId ? items.find((candidate) => candidate.id === unit.parentId) : undefined;
  const children = unit ? (childrenByParent(items).get(unit.id) ?? []) : [];
  useDocumentTitle(t('app.pageTitle', { page: unit ? localized(unit.name) : t('units.unit.notFoundHeading') }));

  if (units.isPending) return <Loading />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => void units.refetch()} />;
  if (!unit) {
    return (
      <div className="container page">
        <h1>{t('units.unit.notFoundHeading')}</h1>
        <p>{t('units.unit.notFoundBody', { code })}</p>
        <p>
          <Link to={unitPaths.directory}>{t('units.unit.backToDirectory')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container page">
      <p>
        <Link to={unitPaths.directory}>{t('units.unit.backToDirectory')}</Link>
      </p>
      <h1>{localized(unit.name)}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('units.unit.kind')}</dt>
          <dd>{t(`admin.units.kinds.${unit.kind}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('units.unit.code')}</dt>
          <dd>
            <code>{unit.code}</code>
          </dd>
        </div>
        {parent ? (
          <div className="summary-list__row">
            <dt>{t('units.unit.parent')}</dt>
            <dd>{parent.parentId ? <Link to={unitPaths.unit(parent.code)}>{localized(parent.name)}</Link> : localized(parent.name)}</dd>
          </div>
        ) : null}
      </dl>
      {children.length > 0 ? (
        <section aria-labelledby="unit-children">
          <h2 id="unit-children">{t('units.unit.children')}</h2>
          <ul className="unit-directory">
            {children.map((child) => (
              <li key={child.id}>
                <Link to={unitPaths.unit(child.code)}>{localized(child.name)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
