import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../use-document-title.js';
import styles from './page-header.module.css';

export type Breadcrumb = { label: string; to?: string; lang?: 'vi' | undefined; content?: ReactNode };

type PageHeaderProps = {
  /** A short h1; also the tab title unless `documentTitle` says otherwise. */
  title: string;
  /** The title's language when it is not the page's: an initiative's name on an English page is Vietnamese. */
  titleLang?: 'vi';
  /** The title as shown, when part of it is Vietnamese content (see `sentenceAround`); `title` stays the tab title. */
  titleContent?: ReactNode;
  subtitle?: ReactNode;
  /** A code shown above the title (a plan's "4354/KH-UBND", an initiative's "SK-2026-0012"). */
  kicker?: string;
  /** From the top of the site down to this page; the page itself comes last, unlinked. */
  breadcrumbs?: readonly Breadcrumb[];
  /** Facts under the title (period, status tags). */
  meta?: ReactNode;
  actions?: ReactNode;
  /** The tab title, when it should differ from the h1 (or be set while the page loads). */
  documentTitle?: string;
  headingRef?: Ref<HTMLHeadingElement>;
};

/** The top of a page: breadcrumbs, a short h1, a subtitle, facts and actions; it also sets the tab title. */
export function PageHeader({
  title,
  titleLang,
  titleContent,
  subtitle,
  kicker,
  breadcrumbs,
  meta,
  actions,
  documentTitle,
  headingRef,
}: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: documentTitle ?? title }));
  return (
    <header className={styles.header}>
      {breadcrumbs && breadcrumbs.length > 0 ? (
        <Breadcrumbs items={[...breadcrumbs, { label: title, lang: titleLang, content: titleContent }]} />
      ) : null}
      {kicker ? <p className={styles.kicker}>{kicker}</p> : null}
      <h1 className={styles.title} ref={headingRef} tabIndex={headingRef ? -1 : undefined} lang={titleLang}>
        {titleContent ?? title}
      </h1>
      {subtitle ? <p className={styles.subtitle}>{subtitle}</p> : null}
      {meta ? <div className={styles.meta}>{meta}</div> : null}
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </header>
  );
}

/** Where the page sits: a list of links named "Breadcrumb", the current page marked and unlinked. */
export function Breadcrumbs({ items }: { items: readonly Breadcrumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className={styles.breadcrumbs} aria-label={t('a11y.breadcrumbs')}>
      <ol className={styles.crumbs}>
        {items.map((item, index) => {
          const isLast = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className={styles.crumb}>
              {isLast || !item.to ? (
                <span className={styles.current} aria-current={isLast ? 'page' : undefined} lang={item.lang}>
                  {item.content ?? item.label}
                </span>
              ) : (
                <Link to={item.to} lang={item.lang}>
                  {item.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
