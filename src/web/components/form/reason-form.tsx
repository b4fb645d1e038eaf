import type { ZodType } from 'zod';
import { Button } from '../button/button.js';
import { TextAreaField } from './fields.js';
import { Form } from './form.js';
import { useForm } from './use-form.js';

type ReasonFormProps = {
  /** Prefix of the field's id, unique on the page (`reason-return`). */
  id: string;
  label: string;
  hint: string;
  /** The step's own name ("Return"), so the button says what sending does. */
  submitLabel: string;
  cancelLabel: string;
  variant?: 'primary' | 'danger';
  /** The rule for the reason, as the server applies it. */
  schema: ZodType<{ reason: string }>;
  onSend: (reason: string) => Promise<void>;
  onCancel: () => void;
};

/** Asks why before a workflow step that must say so (returning, withdrawing): one text box, the step's button and Cancel. */
export function ReasonForm({ id, label, hint, submitLabel, cancelLabel, variant, schema, onSend, onCancel }: ReasonFormProps) {
  const form = useForm({
    id,
    initialValues: { reason: '' },
    labels: { reason: label },
    schema,
    onSubmit: async ({ reason }) => onSend(reason),
  });
  return (
    <Form
      form={form}
      headingLevel={3}
      variant={variant}
      submitLabel={submitLabel}
      actions={
        <Button variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
      }
    >
      <TextAreaField form={form} name="reason" rows={3} hint={hint} />
    </Form>
  );
}
