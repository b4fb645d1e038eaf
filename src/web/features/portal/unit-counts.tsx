import { useTranslation } from 'react-i18next';
import type { PortalSummary } from '../../../shared/contracts/portal.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';

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
    <section className="section" aria-labelledby="units-heading">
      <h2 id="units-heading">{t('home.units.heading')}</h2>
      <p className="section__intro">{t('home.units.intro')}</p>
      <dl className="stat-grid">
        {items.map((item) => (
          <div key={item.key} className="stat">
            <dt className="stat__label">{item.label}</dt>
            <dd className="stat__value">{formatNumber(item.value, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
