import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/identity.js';
import type { NominationState } from '../../../shared/contracts/commendation.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import type { Breadcrumb } from '../../components/page-header/page-header.js';
import { StatusTag, type Tone } from '../../components/status-tag/status-tag.js';
import { isProgrammeManager } from '../identity/roles.js';
import { commendationPaths } from './paths.js';

const tones: Record<NominationState, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  returned: 'warning',
  voting: 'info',
  approved: 'success',
  not_approved: 'danger',
  issued: 'success',
  withdrawn: 'neutral',
};

/** A nomination's state in words, with its tone. */
export function NominationStateTag({ state }: { state: NominationState }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={tones[state]} status={state}>
      {t(`commendation.states.${state}`)}
    </StatusTag>
  );
}

/** Home › Commendation, the trail above every commendation page. */
export function useTrail(): Breadcrumb[] {
  const { t } = useTranslation();
  return [
    { label: t('nav.home'), to: paths.home },
    { label: t('commendation.section'), to: commendationPaths.decisions },
  ];
}

export const isUnitOfficer = (user: Me): boolean => user.grants.some((grant) => grant.role === 'unit_officer');
/** Who works on nominations: unit officers, programme managers, and council members (reviewers). */
export const isCommendationStaff = (user: Me): boolean =>
  isUnitOfficer(user) || isProgrammeManager(user) || user.grants.some((grant) => grant.role === 'reviewer');

/** The staff's way between the commendation pages. */
export function CommendationLinks({ user }: { user: Me }) {
  const { t } = useTranslation();
  const links = [
    ...(isUnitOfficer(user)
      ? [{ to: commendationPaths.newNomination, label: t('commendation.links.newNomination'), isPrimary: true }]
      : []),
    { to: commendationPaths.nominations, label: t('commendation.links.nominations') },
    { to: commendationPaths.votes, label: t('commendation.links.votes') },
    { to: commendationPaths.councils, label: t('commendation.links.councils') },
    { to: commendationPaths.decisions, label: t('commendation.links.decisions') },
    { to: commendationPaths.titles, label: t('commendation.links.titles') },
  ];
  return (
    <nav aria-label={t('commendation.links.label')}>
      <ul className="plain-list cluster">
        {links.map((link) => (
          <li key={link.to}>
            <Link className={buttonClass('isPrimary' in link ? 'primary' : 'secondary', 'small')} to={link.to}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
