import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { usePublicUnits } from './api.js';
import { UnitLinks } from './unit-directory-page.js';
import { childrenByParent } from './unit-tree.js';
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
  const breadcrumbs = [
    { label: t('nav.home'), to: paths.home },
    { label: t('units.directory.pageTitle'), to: unitPaths.directory },
  ];

  if (units.isPending || units.isError) {
    return <Page>{units.isPending ? <Loading /> : <QueryError error={units.error} onRetry={() => void units.refetch()} />}</Page>;
  }
  if (!unit) {
    return (
      <Page>
        <PageHeader title={t('units.unit.notFoundHeading')} breadcrumbs={breadcrumbs} />
        <p>{t('units.unit.notFoundBody', { code })}</p>
        <p>
          <Link to={unitPaths.directory}>{t('units.unit.backToDirectory')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page>
      <PageHeader title={localized(unit.name)} breadcrumbs={breadcrumbs} />
      <SummaryList
        items={[
          { label: t('units.unit.kind'), value: t(`unitKinds.${unit.kind}`) },
          { label: t('units.unit.code'), value: <code>{unit.code}</code> },
          parent
            ? {
                label: t('units.unit.parent'),
                value: parent.parentId ? <Link to={unitPaths.unit(parent.code)}>{localized(parent.name)}</Link> : localized(parent.name),
              }
            : null,
        ]}
      />
      {children.length > 0 ? (
        <Section title={t('units.unit.children')}>
          <UnitLinks units={children} />
        </Section>
      ) : null}
    </Page>
  );
}
