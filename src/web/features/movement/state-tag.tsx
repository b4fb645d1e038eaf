import { useTranslation } from 'react-i18next';
import type { InitiativeState, RecognitionScope } from '../../../shared/contracts/movement.js';
import { StatusTag, type Tone } from '../../components/status-tag/status-tag.js';

const tones: Record<InitiativeState, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  screening: 'info',
  returned: 'warning',
  under_review: 'info',
  recognised: 'success',
  not_recognised: 'neutral',
  awarded: 'success',
  replicated: 'success',
  withdrawn: 'neutral',
};

/** An initiative's state in words, with the tone of its state. */
export function InitiativeStateTag({ state }: { state: InitiativeState }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={tones[state]} status={state}>
      {t(`movement.states.${state}`)}
    </StatusTag>
  );
}

/** How far a recognised initiative reaches (unit, city, national). */
export function ScopeTag({ scope }: { scope: RecognitionScope }) {
  const { t } = useTranslation();
  return <StatusTag tone="info">{t(`movement.scopes.${scope}`)}</StatusTag>;
}
