import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/identity.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { RequireSignedIn } from './require-signed-in.js';

/**
 * Content for signed-in people whose roles allow it; anyone else signed in reads that this page is
 * not for their role, with the way back to their own work, and sees none of its buttons. The server
 * refuses them anyway: this says why in words instead of showing a failed request.
 */
export function RequirePermission({ allows, children }: { allows: (user: Me) => boolean; children: (user: Me) => ReactNode }) {
  return <RequireSignedIn>{(user) => (allows(user) ? children(user) : <NoPermission />)}</RequireSignedIn>;
}

/** The "no permission" notice every guarded page shows under its own header. */
export function NoPermission() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="no-permission" data-no-permission>
      <h2 id="no-permission">{t('noPermission.heading')}</h2>
      <p>{t('noPermission.body')}</p>
      <p>
        <Link to={paths.workspace} className={buttonClass('secondary')}>
          {t('noPermission.toWorkspace')}
        </Link>
      </p>
    </section>
  );
}
