import type { ReactNode } from 'react';
import styles from './empty-state.module.css';

type EmptyStateProps = {
  /** What is empty ("No initiatives yet"). */
  title: string;
  /** What to do next ("Submit your first initiative; it is saved as a draft as you type."). */
  children?: ReactNode;
  /** The next step as a link or button. */
  action?: ReactNode;
};

/** Said where a list or table has nothing to show: what is missing and what to do next. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className={styles.empty}>
      <p className={styles.title}>{title}</p>
      {children ? <p className={styles.message}>{children}</p> : null}
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  );
}
