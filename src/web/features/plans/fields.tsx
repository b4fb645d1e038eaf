import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/form/form-field.js';
import type { FieldName, FormValues } from '../../components/form/field-errors.js';
import type { FormApi } from '../../components/form/use-form.js';

type Props<V extends FormValues> = {
  form: FormApi<V>;
  name: FieldName<V>;
  hint?: ReactNode;
  isOptional?: boolean;
  kind: 'date' | 'number' | 'textarea';
  min?: number;
  max?: number;
};

/**
 * Date, number and multi-line fields in the shared fields' shape (label → hint → error → control,
 * aria-invalid, aria-describedby), which the shared set does not offer.
 */
export function PlanField<V extends FormValues>({ form, name, hint, isOptional, kind, min, max }: Props<V>) {
  const { t } = useTranslation();
  const id = form.fieldId(name);
  const error = form.errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const value = typeof form.values[name] === 'string' ? (form.values[name] as string) : '';
  const common = {
    id,
    name,
    className: 'field__input',
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  const set = (next: string) => form.setValue(name, next as V[typeof name]);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {form.labels[name]}
        {isOptional ? <span className="field__optional"> {t('form.optional')}</span> : null}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      {kind === 'textarea' ? (
        <textarea {...common} rows={5} onChange={(event) => set(event.target.value)} />
      ) : (
        <div className="field__control-row field__control-row--short">
          <input
            {...common}
            type={kind}
            min={min}
            max={max}
            inputMode={kind === 'number' ? 'numeric' : undefined}
            onChange={(event) => set(event.target.value)}
          />
        </div>
      )}
    </div>
  );
}
