import { useTranslation } from 'react-i18next';
import { passwordMinLength } from '../../../shared/contracts/identity.js';
import { TextField } from '../../components/form/fields.js';
import type { FieldPath, FormValues } from '../../components/form/paths.js';
import type { FormApi } from '../../components/form/use-form.js';

/** A password being chosen (signing up, resetting, changing it): the rule in its hint, the browser told it is new. */
export function NewPasswordField<V extends FormValues>({ form, name }: { form: FormApi<V>; name: FieldPath<V> }) {
  const { t } = useTranslation();
  return (
    <TextField
      form={form}
      name={name}
      type="password"
      autoComplete="new-password"
      hint={t('auth.passwordHint', { min: passwordMinLength })}
      maxLength={200}
    />
  );
}
