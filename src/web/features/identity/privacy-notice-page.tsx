import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { privacyPolicyVersion } from '../../../shared/contracts/identity.js';
import { accountSectionPath } from '../../app/paths.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';

/** The notice's parts, in order: a heading, an optional intro, its points and an optional closing line. */
const parts: ReadonlyArray<{
  heading: ParseKeys;
  intro?: ParseKeys;
  points: readonly ParseKeys[];
  closing?: ParseKeys;
  hasDataLink?: boolean;
}> = [
  {
    heading: 'privacy.collected.heading',
    points: [
      'privacy.collected.account',
      'privacy.collected.password',
      'privacy.collected.security',
      'privacy.collected.content',
      'privacy.collected.consent',
    ],
  },
  {
    heading: 'privacy.purposes.heading',
    points: ['privacy.purposes.account', 'privacy.purposes.email', 'privacy.purposes.content', 'privacy.purposes.security'],
    closing: 'privacy.purposes.noSale',
  },
  { heading: 'privacy.retention.heading', points: ['privacy.retention.account', 'privacy.retention.security', 'privacy.retention.erased'] },
  {
    heading: 'privacy.rights.heading',
    intro: 'privacy.rights.intro',
    points: [
      'privacy.rights.know',
      'privacy.rights.consent',
      'privacy.rights.access',
      'privacy.rights.correct',
      'privacy.rights.erase',
      'privacy.rights.restrict',
      'privacy.rights.complain',
    ],
    hasDataLink: true,
  },
];

/** The personal-data notice people agree to when they sign up (Decree 13/2023/NĐ-CP). */
export function PrivacyNoticePage() {
  const { t } = useTranslation();
  return (
    <Page width="narrow">
      <div className="prose">
        <PageHeader
          title={t('privacy.heading')}
          documentTitle={t('privacy.pageTitle')}
          subtitle={t('privacy.intro')}
          meta={t('privacy.version', { version: privacyPolicyVersion })}
        />
        {parts.map((part) => (
          <Section key={part.heading} title={t(part.heading)}>
            {part.intro ? <p>{t(part.intro)}</p> : null}
            <ul>
              {part.points.map((point) => (
                <li key={point}>{t(point)}</li>
              ))}
            </ul>
            {part.closing ? <p>{t(part.closing)}</p> : null}
            {part.hasDataLink ? (
              <p>
                <Link to={accountSectionPath('data')}>{t('privacy.manage')}</Link>
              </p>
            ) : null}
          </Section>
        ))}
      </div>
    </Page>
  );
}
