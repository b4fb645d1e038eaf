import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { describeError } from '../../components/query-status.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useImportTasks } from './api.js';

type RowError = { row: number; column: string | null; message: { vi: string; en: string } };

function rowErrorsOf(error: unknown): RowError[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const rows = (error.details as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as RowError[]) : [];
}

/** For programme managers: import a plan's tasks from the XLSX template, all or nothing, with every bad row listed. */
export function ImportForm({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const upload = useImportTasks(planId);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const rowErrors = rowErrorsOf(upload.error);
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plans.import.heading')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const file = input.current?.files?.[0];
          if (file) upload.mutate(file);
        }}
      >
        <div className="field">
          <label htmlFor={id} className="field__label">
            {t('plans.import.file')}
          </label>
          <div id={`${id}-hint`} className="field__hint">
            {t('plans.import.hint')}
          </div>
          <input id={id} ref={input} type="file" accept=".xlsx" className="field__file" aria-describedby={`${id}-hint`} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={upload.isPending || undefined}>
            {t('plans.import.submit')}
          </button>
        </div>
        <p role="status" className="form__status">
          {upload.isPending ? t('plans.import.working') : upload.data ? t('plans.import.done', { total: upload.data.imported }) : ''}
        </p>
      </form>
      {upload.isError ? (
        <div className="status-message status-message--error" role="alert">
          <p className="status-message__title">{describeError(upload.error, locale, t)}</p>
          {rowErrors.length > 0 ? (
            <ul>
              {rowErrors.slice(0, 200).map((e) => (
                <li key={`${e.row}-${e.column ?? ''}`}>{t('plans.import.rowError', { row: e.row, message: localized(e.message) })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
