import type { ReactNode } from 'react';
import { accountSections, type AccountSection as SectionName } from '../../../app/paths.js';
import { Section } from '../../../components/page/page.js';
import styles from './account.module.css';

/** One part of the account page; its heading carries the id links point at (`/tai-khoan#mat-khau`). */
export function AccountSection({ section, title, children }: { section: SectionName; title: string; children: ReactNode }) {
  return (
    <div className={styles.section}>
      <Section id={accountSections[section]} title={title}>
        {children}
      </Section>
    </div>
  );
}
