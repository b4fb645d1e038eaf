import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowState } from '../../../shared/contracts/dates.js';
import styles from './status-tag.module.css';

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

/** A shape per tone, so the tone reads without colour too (the words always carry the meaning). */
const icons: Record<Tone, ReactNode> = {
  success: <path d="M2 8.5 6 12.5 14 3.5" fill="none" stroke="currentColor" strokeWidth="2.5" />,
  warning: <path d="M8 1 15 15H1z" fill="currentColor" />,
  danger: <path d="M3 3l10 10M13 3 3 13" fill="none" stroke="currentColor" strokeWidth="2.5" />,
  info: <circle cx="8" cy="8" r="6" fill="currentColor" />,
  neutral: <circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" strokeWidth="2" />,
};

type StatusTagProps = {
  tone: Tone;
  children: ReactNode;
  /** The status's code, for styles and tests (`data-status="at_risk"`); never shown. */
  status?: string;
  title?: string;
};

/** One tag for every status (a task's, an initiative's, an indicator's…): words first, colour second. */
export function StatusTag({ tone, children, status, title }: StatusTagProps) {
  return (
    <span className={`${styles.tag} ${styles[tone]}`} data-status={status} title={title}>
      <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {icons[tone]}
      </svg>
      {children}
    </span>
  );
}

const windowTones: Record<WindowState, Tone> = { upcoming: 'info', open: 'success', closed: 'neutral' };

/** A call's or a programme's period: "Opens soon", "Open" or "Closed". */
export function WindowStatusTag({ state }: { state: WindowState }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={windowTones[state]} status={state}>
      {t(`status.window.${state}`)}
    </StatusTag>
  );
}

/** Tags side by side, wrapping. */
export function TagGroup({ children }: { children: ReactNode }) {
  return <span className={styles.group}>{children}</span>;
}
