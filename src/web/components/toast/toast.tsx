import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useLocale } from '../../i18n/use-locale.js';
import { resolveMessage, type Message } from '../form/messages.js';
import styles from './toast.module.css';

type ToastApi = { show(message: Message): void; clear(): void };

const ToastContext = createContext<ToastApi>({ show: () => undefined, clear: () => undefined });

/** Shows a confirmation ("Saved.") in the page's one polite live region. */
export function useToast(): ToastApi {
  return useContext(ToastContext);
}

/**
 * Navigation state that shows a toast on the next page ("You have signed out"), so the message
 * survives the navigation but never appears in a URL that could be shared.
 */
export function toastState(
  key: ParseKeys,
  values?: Record<string, string | number>,
): { toast: { key: ParseKeys; values?: Record<string, string | number> } } {
  return { toast: values ? { key, values } : { key } };
}

function readToastState(state: unknown): { key: ParseKeys; values?: Record<string, string | number> } | null {
  if (typeof state !== 'object' || state === null) return null;
  const toast = (state as { toast?: unknown }).toast;
  if (typeof toast !== 'object' || toast === null || typeof (toast as { key?: unknown }).key !== 'string') return null;
  return toast as { key: ParseKeys; values?: Record<string, string | number> };
}

/**
 * Holds the current confirmation and draws it: a polite status region that is always in the page (so
 * each new message is announced), with the message and a close button while there is one. A message
 * stays until it is closed, replaced, or the person goes to another page.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const [message, setMessage] = useState<Message | null>(null);

  const show = useCallback((next: Message) => {
    // Cleared first, so the same words twice in a row are announced twice.
    setMessage(null);
    requestAnimationFrame(() => setMessage(() => next));
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  const api = useMemo(() => ({ show, clear }), [show, clear]);

  const carried = readToastState(location.state);
  useEffect(() => {
    // The key was checked where the state was made (`toastState`); i18next's types cannot follow it here.
    if (carried) show((tr) => (tr as unknown as (key: string, values?: object) => string)(carried.key, carried.values));
    else setMessage(null);
    // Once per navigation (the key changes with every history entry), not on every render.
  }, [location.key]);

  const text = message ? resolveMessage(message, t, locale) : '';
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className={styles.dock} data-shown={text ? 'true' : 'false'}>
        <p role="status" className={styles.message} data-toast="">
          {text}
        </p>
        {text ? (
          <button type="button" className={styles.close} onClick={clear}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">{t('toast.close')}</span>
          </button>
        ) : null}
      </div>
    </ToastContext.Provider>
  );
}
