import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../api/client.js';
import { FileField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice } from '../../components/notice/notice.js';
import { Section } from '../../components/page/page.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useImportTasks } from './api.js';

type RowError = { row: number; column: string | null; message: { vi: string; en: string } };

function rowErrorsOf(error: unknown): RowError[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const rows = (error.details as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as RowError[]) : [];
}

const importSchema = z.object({ file: z.custom<File>((file) => file instanceof File && /\.xlsx$/i.test(file.name)) });

/** For programme managers: import a plan's tasks from the XLSX template, all or nothing, with every bad row listed. */
export function ImportForm({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const upload = useImportTasks(planId);
  const form = useForm({
    id: 'import-tasks',
    initialValues: { file: null as File | null },
    labels: { file: t('plans.import.file') },
    schema: importSchema,
    messages: { file: (tr) => tr('plans.import.chooseFile') },
    onSubmit: async ({ file }) => {
      const result = await upload.mutateAsync(file);
      form.reset();
      return (tr) => tr('plans.import.done', { total: result.imported });
    },
  });
  const rowErrors = rowErrorsOf(upload.error);
  return (
    <Section title={t('plans.import.heading')}>
      <Form form={form} headingLevel={3} submitLabel={t('plans.import.submit')} submittingLabel={t('plans.import.working')}>
        <FileField form={form} name="file" accept=".xlsx" hint={t('plans.import.hint')} />
      </Form>
      {rowErrors.length > 0 ? (
        <Notice tone="error" title={t('plans.import.rowErrorsTitle')}>
          <ul>
            {rowErrors.slice(0, 200).map((e) => (
              <li key={`${e.row}-${e.column ?? ''}`}>{t('plans.import.rowError', { row: e.row, message: localized(e.message) })}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </Section>
  );
}
