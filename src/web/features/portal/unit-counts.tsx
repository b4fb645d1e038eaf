import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortalSummary } from '../../../shared/contracts/portal.js';
import { Section } from '../../components/page/page.js';
import { StatCard, StatGrid } from '../../components/stat-card/stat-card.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { unitPaths } from '../units/unit-paths.js';

type UnitCountsProps = { counts: PortalSummary['unitCounts'] };

/** How many units carry out the programme, by kind of unit. */
export function UnitCounts({ counts }: UnitCountsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const items = [
    { key: 'departments', label: t('home.units.departmentsAndAgencies'), value: counts.department + counts.agency },
    { key: 'wards', label: t('home.units.wards'), value: counts.ward },
    { key: 'communes', label: t('home.units.communes'), value: counts.commune },
    { key: 'special-zones', label: t('home.units.specialZones'), value: counts.special_zone },
  ];

  return (
    <Section title={t('home.units.heading')} intro={t('home.units.intro')}>
      <StatGrid>
        {items.map((item) => (
          <StatCard key={item.key} label={item.label} value={formatNumber(item.value, locale)} />
        ))}
      </StatGrid>
      <p>
        <Link to={unitPaths.directory}>{t('home.units.directoryLink')}</Link>
      </p>
    </Section>
  );
}
