import type { ReactNode } from 'react';
import { accountSections, type AccountSection as SectionName } from '../../../app/paths.js';

/** One part of the account page; its heading carries the id links point at (`/tai-khoan#mat-khau`). */
export function AccountSection({ section, title, children }: { section: SectionName; title: string; children: ReactNode }) {
  const id = accountSections[section];
  return (
    <section className="account-section" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1} className="account-section__heading">
        {title}
      </h2>
      {children}
    </section>
  );
}
