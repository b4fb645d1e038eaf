import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eraseAccountBodySchema, type Me } from '../../../../shared/contracts/identity.js';
import { Button } from '../../../components/button/button.js';
import { Panel } from '../../../components/card/card.js';
import { TextField } from '../../../components/form/fields.js';
import { Form } from '../../../components/form/form.js';
import { useForm } from '../../../components/form/use-form.js';
import { useEraseAccount } from '../api.js';
import { AccountSection } from './account-section.js';

/** Erasing the account, behind a button and a form that asks for the e-mail address (and password). */
export function EraseSection({ user, title }: { user: Me; title: string }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);

  return (
    <AccountSection section="erase" title={title}>
      <p>{t('account.erase.intro')}</p>
      {isConfirming ? (
        <EraseForm
          user={user}
          onCancel={() => {
            setIsConfirming(false);
            // Back to the button that opened the form, once it is drawn again.
            requestAnimationFrame(() => startRef.current?.focus());
          }}
        />
      ) : (
        <Button ref={startRef} variant="danger-outline" onClick={() => setIsConfirming(true)}>
          {t('account.erase.start')}
        </Button>
      )}
    </AccountSection>
  );
}

function EraseForm({ user, onCancel }: { user: Me; onCancel: () => void }) {
  const { t } = useTranslation();
  const erase = useEraseAccount();

  const form = useForm({
    id: 'erase',
    initialValues: { confirmEmail: '', password: '' },
    labels: { confirmEmail: t('account.erase.confirmEmail'), password: t('account.erase.password') },
    schema: eraseAccountBodySchema,
    toInput: (values) => ({ confirmEmail: values.confirmEmail, ...(user.hasPassword ? { password: values.password } : {}) }),
    validate: (values) => ({
      ...(values.confirmEmail.trim() !== '' && values.confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()
        ? { confirmEmail: (tr) => tr('account.erase.emailMismatch') }
        : {}),
      ...(user.hasPassword && values.password === '' ? { password: (tr) => tr('form.errors.required') } : {}),
    }),
    onSubmit: async (body) => {
      await erase.mutateAsync(body);
    },
  });

  const firstFieldId = form.fieldId('confirmEmail');
  useEffect(() => {
    document.getElementById(firstFieldId)?.focus();
  }, [firstFieldId]);

  return (
    <Panel tone="danger">
      <Form
        form={form}
        headingLevel={3}
        variant="danger"
        submitLabel={t('account.erase.submit')}
        submittingLabel={t('account.erase.submitting')}
        actions={
          <Button variant="secondary" onClick={onCancel}>
            {t('account.erase.cancel')}
          </Button>
        }
      >
        <TextField
          form={form}
          name="confirmEmail"
          type="email"
          autoComplete="off"
          hint={t('account.erase.confirmEmailHint', { email: user.email })}
          maxLength={254}
        />
        {user.hasPassword ? (
          <TextField form={form} name="password" type="password" autoComplete="current-password" maxLength={200} />
        ) : null}
      </Form>
    </Panel>
  );
}
