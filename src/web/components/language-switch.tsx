import { useTranslation } from 'react-i18next';
import { locales } from '../../shared/contracts/common.js';
import { useLocale } from '../i18n/use-locale.js';

/** Two buttons, each naming its language in that language; the pressed one is active. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useLocale();

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="language-switch__button"
          aria-pressed={locale === current}
          onClick={() => {
            if (locale !== current) void i18n.changeLanguage(locale);
          }}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
