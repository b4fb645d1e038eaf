import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { movementLimits, type InitiativeAttachment } from '../../../shared/contracts/movement.js';
import { Button } from '../../components/button/button.js';
import { CheckboxField, FileField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { FieldRequestError } from '../../components/form/server-errors.js';
import { useForm } from '../../components/form/use-form.js';
import { WriteError } from '../../components/notice/notice.js';
import { Section } from '../../components/page/page.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { useToast } from '../../components/toast/toast.js';
import { formatFileSize } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { useDeleteAttachment, useInitiativeAttachments, useUploadAttachment } from './api.js';
import styles from './movement.module.css';

type ListedFile = Omit<InitiativeAttachment, 'isConfidential'> & { isConfidential?: boolean };

/** The files of an initiative with download links; `onRemove` adds a remove button per file. */
export function AttachmentList({
  items,
  onRemove,
  isRemoving,
}: {
  items: ListedFile[];
  onRemove?: (file: ListedFile) => void;
  isRemoving?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return <p className="muted">{t('movement.files.empty')}</p>;
  return (
    <ul className={styles.files}>
      {items.map((file) => (
        <li key={file.id}>
          <a href={file.url} download={file.fileName}>
            {file.fileName}
          </a>
          <span className="muted">({formatFileSize(file.sizeBytes, locale)})</span>
          {file.isConfidential ? <StatusTag tone="warning">{t('movement.files.confidentialTag')}</StatusTag> : null}
          {onRemove ? (
            <Button variant="secondary" size="small" isBusy={isRemoving} onClick={() => onRemove(file)}>
              {t('movement.files.remove', { name: file.fileName })}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The dossier's files as the reader may see them (confidential ones only for those allowed). */
export function DossierAttachments({ items }: { items: InitiativeAttachment[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('movement.files.heading')}>
      <AttachmentList items={items} />
    </Section>
  );
}

/** The application form's attachments: the files so far, and a file to add (marked confidential or not). */
export function AttachmentsEditor({ initiativeId }: { initiativeId: string | null }) {
  const { t } = useTranslation();
  return (
    <Section
      title={t('movement.files.heading')}
      intro={t('movement.files.intro', { maxFiles: movementLimits.attachmentsMax, maxMb: movementLimits.attachmentMaxBytes / 1024 / 1024 })}
    >
      {initiativeId ? <EditorFor initiativeId={initiativeId} /> : <p>{t('movement.files.saveFirst')}</p>}
    </Section>
  );
}

const uploadSchema = z.object({ file: z.instanceof(File), isConfidential: z.boolean() });

function EditorFor({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const files = useInitiativeAttachments(initiativeId);
  const upload = useUploadAttachment(initiativeId);
  const remove = useDeleteAttachment(initiativeId);
  const form = useForm({
    id: 'attachment',
    initialValues: { file: null as File | null, isConfidential: false },
    labels: { file: t('movement.files.file'), isConfidential: t('movement.files.confidential') },
    schema: uploadSchema,
    messages: { file: (tr) => tr('movement.files.chooseFile') },
    onSubmit: async ({ file, isConfidential }) => {
      try {
        const saved = await upload.mutateAsync({ file, isConfidential });
        form.reset();
        return (tr) => tr('movement.files.uploaded', { name: saved.fileName });
      } catch (error) {
        throw new FieldRequestError('file', error);
      }
    },
  });

  return (
    <>
      {files.isPending ? <Loading /> : files.isError ? <QueryError error={files.error} onRetry={() => void files.refetch()} /> : null}
      {files.data ? (
        <AttachmentList
          items={files.data.items}
          isRemoving={remove.isPending}
          onRemove={(file) =>
            remove.mutate(file.id, { onSuccess: () => toast.show((tr) => tr('movement.files.removed', { name: file.fileName })) })
          }
        />
      ) : null}
      <WriteError error={remove.error} />
      <Form form={form} isNested headingLevel={3} submitLabel={t('movement.files.upload')} submittingLabel={t('movement.files.uploading')}>
        <FileField form={form} name="file" />
        <CheckboxField form={form} name="isConfidential" />
      </Form>
    </>
  );
}
