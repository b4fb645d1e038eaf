import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.js';
import { resolveMessage, type FieldName, type FormValues } from './field-errors.js';
import type { FormApi } from './use-form.js';

type ErrorSummaryProps<V extends FormValues> = { form: FormApi<V>; headingLevel: 2 | 3 };

/**
 * What went wrong, at the top of the form: the form-level message and a link to each field in error.
 * It takes focus after a failed submit, so screen readers read it out and keyboard users start there.
 */
function ErrorSummary<V extends FormValues>({ form, headingLevel }: ErrorSummaryProps<V>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const fields = (Object.keys(form.labels) as Array<FieldName<V>>).filter((name) => form.errors[name]);
  if (fields.length === 0 && !form.formError) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <div className="error-summary" ref={form.summaryRef} tabIndex={-1} role="group" aria-labelledby={titleId}>
      <div role="alert">
        <Heading id={titleId} className="error-summary__title">
          {t('form.errorSummaryTitle')}
        </Heading>
        {form.formError ? <p className="error-summary__message">{resolveMessage(form.formError, t, locale)}</p> : null}
        {fields.length > 0 ? (
          <ul className="error-summary__list">
            {fields.map((name) => {
              const message = form.errors[name];
              return (
                <li key={name}>
                  <a
                    href={`#${form.fieldId(name)}`}
                    onClick={(event) => {
                      // Focus the control itself (a plain fragment link would only scroll) and keep its label in view.
                      const control = document.getElementById(form.fieldId(name));
                      if (!control) return;
                      event.preventDefault();
                      control.focus({ preventScroll: true });
                      (control.closest('.field') ?? control).scrollIntoView({ block: 'start' });
                    }}
                  >
                    {form.labels[name]}: {message ? resolveMessage(message, t, locale) : null}
                  </a>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

type ValidatedFormProps<V extends FormValues> = {
  form: FormApi<V>;
  submitLabel: string;
  submittingLabel?: string;
  /** Said politely after a success ("Saved."); the live region is always there so it is announced. */
  status?: string | null;
  /** The error summary's heading level: 2 on a page of its own, 3 inside a section headed h2. */
  headingLevel?: 2 | 3;
  variant?: 'primary' | 'danger';
  /** Further buttons beside the submit button, such as Cancel. */
  actions?: ReactNode;
  labelledBy?: string;
  children: ReactNode;
};

/** A form wired to `useForm`: browser validation off (ours speaks the user's language), summary, submit. */
export function ValidatedForm<V extends FormValues>({
  form,
  submitLabel,
  submittingLabel,
  status,
  headingLevel = 2,
  variant = 'primary',
  actions,
  labelledBy,
  children,
}: ValidatedFormProps<V>) {
  const { t } = useTranslation();
  return (
    <form className="form" noValidate onSubmit={form.handleSubmit} aria-labelledby={labelledBy}>
      <ErrorSummary form={form} headingLevel={headingLevel} />
      {children}
      <div className="form__actions">
        {/* Not `disabled`: a disabled button drops focus; a second submit is ignored instead. */}
        <button
          type="submit"
          className={`button${variant === 'danger' ? ' button--danger' : ''}`}
          aria-disabled={form.isSubmitting || undefined}
        >
          {form.isSubmitting ? (submittingLabel ?? t('form.submitting')) : submitLabel}
        </button>
        {actions}
      </div>
      <p role="status" className="form__status">
        {form.isSubmitting ? (submittingLabel ?? t('form.submitting')) : (status ?? '')}
      </p>
    </form>
  );
}
