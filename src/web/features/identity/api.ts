import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  apiTokenCreatedSchema,
  apiTokenSchema,
  meSchema,
  recoveryCodesSchema,
  signInResultSchema,
  totpEnrolmentSchema,
  type Me,
  type SignUpBody,
} from '../../../shared/contracts/identity.js';
import { useNavigate } from 'react-router';
import { apiGet, apiSend, setCsrfToken } from '../../api/client.js';
import { paths } from '../../app/paths.js';
import { toastState } from '../../components/toast/toast.js';
import { forgetSignedInUser, identityKeys, refreshSession } from './session.js';

const signUpResultSchema = z.object({ status: z.literal('verification_sent') });
const verifyResultSchema = z.object({ status: z.literal('verified') });

/** POST /api/auth/sign-up */
export function useSignUp() {
  return useMutation({
    mutationFn: (body: SignUpBody) => apiSend('POST', '/api/auth/sign-up', signUpResultSchema, { body }),
  });
}

/** POST /api/auth/verify-email */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiSend('POST', '/api/auth/verify-email', verifyResultSchema, { body: { token } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.session }),
  });
}

/** POST /api/auth/sign-in — then the session is read again before the caller moves on. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) => {
      const result = await apiSend('POST', '/api/auth/sign-in', signInResultSchema, { body });
      setCsrfToken(result.csrfToken);
      await refreshSession(queryClient);
      return result;
    },
  });
}

/** POST /api/auth/second-factor */
export function useSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { code: string }) => {
      const result = await apiSend('POST', '/api/auth/second-factor', signInResultSchema, { body });
      setCsrfToken(result.csrfToken);
      await refreshSession(queryClient);
      return result;
    },
  });
}

/** POST /api/auth/password-reset/request — answers 202 whether or not the address has an account. */
export function usePasswordResetRequest() {
  return useMutation({
    mutationFn: (body: { email: string }) => apiSend('POST', '/api/auth/password-reset/request', null, { body }),
  });
}

/** POST /api/auth/password-reset/confirm */
export function usePasswordResetConfirm() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => apiSend('POST', '/api/auth/password-reset/confirm', null, { body }),
  });
}

export type AccountUpdate = Partial<Pick<Me, 'displayName' | 'locale' | 'phone' | 'organizationName'>>;

/** GET /api/account — the person's details as their edit starts from, with the version (ETag) the edit sends back. */
export function useAccount() {
  return useQuery({ queryKey: identityKeys.account, queryFn: ({ signal }) => apiGet('/api/account', meSchema, { signal }) });
}

/** PATCH /api/account — the answer replaces the person in the session cache. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountUpdate) => apiSend('PATCH', '/api/account', meSchema, { body }),
    onSuccess: (me) => {
      queryClient.setQueryData(identityKeys.session, (session) => (session ? { ...session, user: me } : session));
      queryClient.setQueryData(identityKeys.account, me);
    },
  });
}

/** POST /api/account/password */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => apiSend('POST', '/api/account/password', null, { body }),
    // The change revoked every API token: the list must show it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.apiTokens }),
  });
}

const verificationSentSchema = z.object({ status: z.literal('verification_sent') });

/** POST /api/account/verification-email — a new link to confirm the address. */
export function useResendVerification() {
  return useMutation({ mutationFn: () => apiSend('POST', '/api/account/verification-email', verificationSentSchema) });
}

/** POST /api/account/totp/enrol — a new secret and its QR code; nothing changes until it is confirmed. */
export function useStartTotpEnrolment() {
  return useMutation({ mutationFn: () => apiSend('POST', '/api/account/totp/enrol', totpEnrolmentSchema) });
}

/** POST /api/account/totp/confirm — turns TOTP on and returns the recovery codes, shown once. */
export function useConfirmTotpEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string }) => apiSend('POST', '/api/account/totp/confirm', recoveryCodesSchema, { body }),
    onSuccess: () => refreshSession(queryClient),
  });
}

/** DELETE /api/account/totp — refused (403) for roles that require a second factor. */
export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string }) => apiSend('DELETE', '/api/account/totp', null, { body }),
    onSuccess: () => refreshSession(queryClient),
  });
}

/** POST /api/account/recovery-codes — replaces every recovery code. */
export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: (body: { code: string }) => apiSend('POST', '/api/account/recovery-codes', recoveryCodesSchema, { body }),
  });
}

/** POST /api/account/erase — the server signs the person out; the app goes home and forgets them. */
export function useEraseAccount() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async (body: { confirmEmail: string; password?: string }) => {
      await apiSend('POST', '/api/account/erase', null, { body });
      await navigate(paths.home, { state: toastState('flash.accountErased') });
      await forgetSignedInUser(queryClient);
    },
  });
}

const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

/** GET /api/account/tokens */
export function useApiTokens(isEnabled: boolean) {
  return useQuery({
    queryKey: identityKeys.apiTokens,
    queryFn: ({ signal }) => apiGet('/api/account/tokens', apiTokenListSchema, { signal }),
    enabled: isEnabled,
  });
}

/** POST /api/account/tokens — the answer is the only time the token itself is seen. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: Array<'read' | 'write'>; expiresInDays?: number }) =>
      apiSend('POST', '/api/account/tokens', apiTokenCreatedSchema, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.apiTokens }),
  });
}

/** DELETE /api/account/tokens/:id */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/account/tokens/${encodeURIComponent(id)}`, null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: identityKeys.apiTokens }),
  });
}
