import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass } from '../../components/button/button.js';
import { movementPaths } from './paths.js';

/** The managers' tools of the movement, from their queue and the campaigns page. */
export function ManagerLinks() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('movement.managerLinks.label')}>
      <ul className="plain-list cluster">
        <li>
          <Link className={buttonClass()} to={movementPaths.launch}>
            {t('movement.campaign.launch')}
          </Link>
        </li>
        <li>
          <Link className={buttonClass('secondary')} to={movementPaths.newCouncil}>
            {t('movement.councilSetup.link')}
          </Link>
        </li>
        <li>
          <Link className={buttonClass('secondary')} to={movementPaths.moderation}>
            {t('movement.moderation.heading')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
