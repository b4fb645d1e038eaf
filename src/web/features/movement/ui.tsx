import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InitiativeState } from '../../../shared/contracts/movement.js';
import { describeError } from '../../components/query-status.js';
import { useLocale } from '../../i18n/use-locale.js';

/** A labelled control: label, optional hint, then the control, which gets the id and the hint's id. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {children(hint ? { id, 'aria-describedby': hintId } : { id })}
    </div>
  );
}

const stateTone: Record<InitiativeState, string> = {
  draft: 'neutral',
  submitted: 'info',
  screening: 'info',
  returned: 'warning',
  under_review: 'info',
  recognised: 'success',
  not_recognised: 'neutral',
  awarded: 'success',
  replicated: 'success',
  withdrawn: 'neutral',
};

export function StateTag({ state }: { state: InitiativeState }) {
  const { t } = useTranslation();
  return <span className={`tag tag--${stateTone[state]}`}>{t(`movement.states.${state}`)}</span>;
}

/** A failed write, announced. */
export function WriteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!error) return null;
  return (
    <p className="status-message status-message--error" role="alert">
      {describeError(error, locale, t)}
    </p>
  );
}

/** A short confirmation, announced politely. */
export function Done({ text }: { text: string | null }) {
  return (
    <p role="status" className={text ? 'status-message status-message--success' : 'visually-hidden'}>
      {text ?? ''}
    </p>
  );
}
