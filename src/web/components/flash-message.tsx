import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * One-off messages carried to the next page in the history entry's state ("You have signed out"),
 * so they survive the navigation but never appear in a URL that could be shared.
 */
const flashKeys = {
  signedOut: 'flash.signedOut',
  passwordReset: 'flash.passwordReset',
  accountErased: 'flash.accountErased',
  signInRequired: 'flash.signInRequired',
} as const;

export type Flash = keyof typeof flashKeys;

/** The element the layout focuses after a navigation that carries a message. */
export const flashMessageId = 'flash-message';

/** The `state` to navigate with: `navigate(path, { state: flashState('signedOut') })`. */
export function flashState(flash: Flash): { flash: Flash } {
  return { flash };
}

function readFlash(state: unknown): Flash | null {
  if (typeof state !== 'object' || state === null) return null;
  const flash = (state as { flash?: unknown }).flash;
  return typeof flash === 'string' && Object.hasOwn(flashKeys, flash) ? (flash as Flash) : null;
}

/** Shows the message the previous page left, at the top of the main content. */
export function FlashMessage() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash = readFlash(location.state);
  if (!flash) return null;
  return (
    <div className="container">
      <p id={flashMessageId} className="flash" role="status" tabIndex={-1}>
        <svg className="flash__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="10" cy="10" r="10" fill="currentColor" />
          <path d="M10 9v6M10 5.5v.5" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
        {t(flashKeys[flash])}
      </p>
    </div>
  );
}
