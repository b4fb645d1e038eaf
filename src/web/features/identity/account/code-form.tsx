import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { secondFactorBodySchema } from '../../../../shared/contracts/identity.js';
import { TextField } from '../../../components/form/fields.js';
import { Form } from '../../../components/form/form.js';
import { useForm } from '../../../components/form/use-form.js';

type CodeFormProps = {
  id: string;
  submitLabel: string;
  submittingLabel: string;
  hint?: string;
  variant?: 'primary' | 'danger';
  actions?: ReactNode;
  onSubmit: (code: string) => Promise<void>;
};

/** A form asking for one authenticator (or recovery) code before a two-step verification change. */
export function CodeForm({ id, submitLabel, submittingLabel, hint, variant, actions, onSubmit }: CodeFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    id,
    initialValues: { code: '' },
    labels: { code: t('auth.codeLabel') },
    schema: secondFactorBodySchema,
    messages: { code: (tr) => tr('auth.codeInvalid') },
    onSubmit: async ({ code }) => {
      await onSubmit(code);
      form.reset();
    },
  });

  return (
    <Form form={form} headingLevel={3} submitLabel={submitLabel} submittingLabel={submittingLabel} variant={variant} actions={actions}>
      <TextField
        form={form}
        name="code"
        autoComplete="one-time-code"
        hint={hint ?? t('auth.codeHint')}
        maxLength={20}
        spellCheck={false}
        autoCapitalize="none"
        width="short"
      />
    </Form>
  );
}
