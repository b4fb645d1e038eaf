import { formatPercent } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import styles from './progress.module.css';

/** Progress as a labelled bar and its figure, so the figure is read out and seen. */
export function Progress({ percent, label }: { percent: number; label: string }) {
  const locale = useLocale();
  return (
    <span className={styles.progress}>
      <progress className={styles.bar} max={100} value={percent} aria-label={label} />
      <span className={styles.value}>{formatPercent(percent, locale, 0)}</span>
    </span>
  );
}
