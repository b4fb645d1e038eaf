import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../button/button.js';
import { ErrorSummary } from './error-summary.js';
import type { FormValues } from './paths.js';
import type { FormApi } from './use-form.js';
import styles from './form.module.css';

type FormProps<V extends FormValues> = {
  form: FormApi<V>;
  submitLabel: string;
  submittingLabel?: string;
  /** The error summary's heading level: 2 on a page of its own, 3 inside a section headed h2. */
  headingLevel?: 2 | 3 | 4;
  variant?: 'primary' | 'danger';
  /** Further buttons beside the submit button, such as Cancel. */
  actions?: ReactNode;
  labelledBy?: string;
  /** Shows "* marks a required field" above the fields. */
  hasRequiredNote?: boolean;
  /**
   * A part of a larger form (its own fields and button, such as attaching a file to an application):
   * drawn as a group, since forms cannot nest, and sent by its button.
   */
  isNested?: boolean;
  children: ReactNode;
};

/** A form wired to `useForm`: browser validation off (ours speaks the person's language), summary, submit. */
export function Form<V extends FormValues>({
  form,
  submitLabel,
  submittingLabel,
  headingLevel = 2,
  variant = 'primary',
  actions,
  labelledBy,
  hasRequiredNote = false,
  isNested = false,
  children,
}: FormProps<V>) {
  const { t } = useTranslation();
  const content = (
    <>
      <ErrorSummary
        entries={form.errorList.map((error) => ({
          targetId: form.fieldId(error.path as never),
          label: error.label,
          message: error.message,
        }))}
        messages={form.formMessages}
        headingLevel={headingLevel}
        summaryRef={form.summaryRef}
      />
      {hasRequiredNote ? <p className={styles.requiredNote}>{t('form.requiredNote')}</p> : null}
      {children}
      <div className={styles.actions}>
        <Button
          type={isNested ? 'button' : 'submit'}
          variant={variant}
          isBusy={form.isSubmitting}
          onClick={isNested ? form.submit : undefined}
        >
          {form.isSubmitting ? (submittingLabel ?? t('form.submitting')) : submitLabel}
        </Button>
        {actions}
      </div>
    </>
  );
  if (isNested) {
    return (
      <div className={styles.form} role="group" aria-labelledby={labelledBy}>
        {content}
      </div>
    );
  }
  return (
    <form className={styles.form} noValidate onSubmit={form.handleSubmit} aria-labelledby={labelledBy} id={`${form.id}-form`}>
      {content}
    </form>
  );
}

export { styles as formStyles };
