import { useTranslation } from 'react-i18next';
import { locales } from '../../../shared/contracts/common.js';
import { switchLocale } from '../../i18n/index.js';
import { useLocale } from '../../i18n/use-locale.js';
import styles from './language-switch.module.css';

/** Two buttons, each naming its language in that language; the pressed one is active. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useLocale();

  return (
    <div className={styles.switch} role="group" aria-label={t('language.label')}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className={styles.button}
          aria-pressed={locale === current}
          onClick={() => {
            if (locale !== current) void switchLocale(i18n, locale);
          }}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
