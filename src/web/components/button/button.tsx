import type { ComponentPropsWithRef, ReactNode } from 'react';
import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'danger-outline' | 'on-dark';

const variantClasses: Record<ButtonVariant, string | undefined> = {
  primary: undefined,
  secondary: styles.secondary,
  danger: styles.danger,
  'danger-outline': styles.dangerOutline,
  'on-dark': styles.onDark,
};

/** The button look, for a link that acts as a button (`<Link className={buttonClass('secondary')}>`). */
export function buttonClass(variant: ButtonVariant = 'primary', size: 'normal' | 'small' = 'normal'): string {
  return [styles.button, variantClasses[variant], size === 'small' ? styles.small : undefined].filter(Boolean).join(' ');
}

type ButtonProps = Omit<ComponentPropsWithRef<'button'>, 'className' | 'disabled'> & {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  /** While a request runs: announced as unavailable, keeps focus, ignores clicks. */
  isBusy?: boolean;
};

/** A button; `type="button"` unless it submits a form. */
export function Button({ variant = 'primary', size = 'normal', isBusy = false, type = 'button', onClick, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass(variant, size)}
      aria-disabled={isBusy || rest['aria-disabled'] || undefined}
      onClick={(event) => {
        if (isBusy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {children}
    </button>
  );
}

/** Buttons side by side, wrapping on a phone. */
export function ButtonRow({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className={styles.row} role={label ? 'group' : undefined} aria-label={label}>
      {children}
    </div>
  );
}
