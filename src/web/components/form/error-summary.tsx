import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.js';
import { resolveMessage, type Message } from './messages.js';
import styles from './form.module.css';

export type SummaryEntry = { targetId: string; label: string; message: Message };

type ErrorSummaryProps = {
  /** One entry per field in error, named by the field's visible label, linking to its control. */
  entries: readonly SummaryEntry[];
  /** What went wrong with the form as a whole. */
  messages?: readonly Message[];
  headingLevel?: 2 | 3 | 4;
  summaryRef: RefObject<HTMLDivElement | null>;
};

/**
 * What went wrong, at the top of the form: messages about the whole form, then a link to each field in
 * error. The form focuses it after a failed submit, so screen readers read it and keyboard users start there.
 */
export function ErrorSummary({ entries, messages = [], headingLevel = 2, summaryRef }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  if (entries.length === 0 && messages.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={styles.summary} ref={summaryRef} tabIndex={-1} role="group" aria-labelledby={titleId} data-error-summary="">
      <div role="alert">
        <Heading id={titleId} className={styles.summaryTitle}>
          {t('form.errorSummaryTitle')}
        </Heading>
        {messages.map((message, index) => (
          <p key={index} className={styles.summaryMessage}>
            {resolveMessage(message, t, locale)}
          </p>
        ))}
        {entries.length > 0 ? (
          <ul className={styles.summaryList}>
            {entries.map((entry) => (
              <li key={entry.targetId}>
                <a
                  href={`#${entry.targetId}`}
                  onClick={(event) => {
                    // Focus the control itself (a fragment link would only scroll) and keep its label in view.
                    const control = document.getElementById(entry.targetId);
                    if (!control) return;
                    event.preventDefault();
                    control.focus({ preventScroll: true });
                    (control.closest('fieldset, div') ?? control).scrollIntoView({ block: 'start' });
                  }}
                >
                  {entry.label}: {resolveMessage(entry.message, t, locale)}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
