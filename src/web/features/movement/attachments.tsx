import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { movementLimits, type InitiativeAttachment } from '../../../shared/contracts/movement.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDeleteAttachment, useInitiativeAttachments, useUploadAttachment } from './api.js';
import { Done, Field, WriteError } from './ui.js';

type ListedFile = Omit<InitiativeAttachment, 'isConfidential'> & { isConfidential?: boolean };

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** The files of an initiative with download links; `onRemove` adds a remove button per file. */
export function AttachmentList({ items, headingId, onRemove, isRemoving }: { items: ListedFile[]; headingId: string; onRemove?: (file: ListedFile) => void; isRemoving?: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('movement.files.empty')}</p>;
  return (
    <ul className="movement-files" aria-labelledby={headingId}>
      {items.map((file) => (
        <li key={file.id} className="movement-files__item">
          <a href={file.url} download={file.fileName}>
            {file.fileName}
          </a>{' '}
          <span className="muted">({sizeText(file.sizeBytes)})</span> {file.isConfidential ? <span className="tag tag--warning">{t('movement.files.confidentialTag')}</span> : null}
          {onRemove ? (
            <button type="button" className="button button--secondary movement-files__remove" disabled={isRemoving} onClick={() => onRemove(file)}>
              {t('movement.files.remove', { name: file.fileName })}
            </button>
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
    <section className="section" aria-labelledby="files-heading">
      <h2 id="files-heading">{t('movement.files.heading')}</h2>
      <AttachmentList items={items} headingId="files-heading" />
    </section>
  );
}

/** The submission form's attachments: choose a file, mark it confidential, upload; remove one already there. */
export function AttachmentsEditor({ initiativeId }: { initiativeId: string | null }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field--group movement-people">
      <legend>{t('movement.files.heading')}</legend>
      <p className="field__hint">{t('movement.files.intro', { maxFiles: movementLimits.attachmentsMax, maxMb: movementLimits.attachmentMaxBytes / 1024 / 1024 })}</p>
      {initiativeId ? <EditorFor initiativeId={initiativeId} /> : <p>{t('movement.files.saveFirst')}</p>}
    </fieldset>
  );
}

function EditorFor({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const files = useInitiativeAttachments(initiativeId);
  const upload = useUploadAttachment(initiativeId);
  const remove = useDeleteAttachment(initiativeId);
  const input = useRef<HTMLInputElement>(null);
  const confidentialId = useId();
  const [isConfidential, setIsConfidential] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  function handleUpload() {
    const file = input.current?.files?.[0];
    if (!file) {
      input.current?.focus();
      return;
    }
    setDone(null);
    upload.mutate(
      { file, isConfidential },
      {
        onSuccess: (saved) => {
          setDone(t('movement.files.uploaded', { name: saved.fileName }));
          if (input.current) input.current.value = '';
          setIsConfidential(false);
        },
      },
    );
  }

  return (
    <>
      {files.isPending ? <Loading /> : files.isError ? <QueryError error={files.error} onRetry={() => void files.refetch()} /> : null}
      {files.data ? (
        <>
          <h3 id="files-list-heading" className="visually-hidden">
            {t('movement.files.listHeading')}
          </h3>
          <AttachmentList
            items={files.data.items}
            headingId="files-list-heading"
            isRemoving={remove.isPending}
            onRemove={(file) => {
              setDone(null);
              remove.mutate(file.id, { onSuccess: () => setDone(t('movement.files.removed', { name: file.fileName })) });
            }}
          />
        </>
      ) : null}
      <Field label={t('movement.files.file')}>{(p) => <input {...p} ref={input} type="file" className="field__input" />}</Field>
      <div className="choice">
        <input id={confidentialId} type="checkbox" className="choice__input" checked={isConfidential} onChange={(e) => setIsConfidential(e.target.checked)} />
        <label htmlFor={confidentialId} className="choice__label">
          {t('movement.files.confidential')}
        </label>
      </div>
      <button type="button" className="button button--secondary" disabled={upload.isPending} onClick={handleUpload}>
        {upload.isPending ? t('movement.files.uploading') : t('movement.files.upload')}
      </button>
      <WriteError error={upload.error ?? remove.error} />
      <Done text={done} />
    </>
  );
}
