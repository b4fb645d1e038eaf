import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchResult } from '../../../shared/contracts/search.js';
import { Localized, vietnameseContent } from '../../components/content-language/content-language.js';
import styles from './search.module.css';

const typeKeys = {
  plan: 'search.types.plan',
  task_group: 'search.types.taskGroup',
  task: 'search.types.task',
  indicator: 'search.types.indicator',
  campaign: 'search.types.campaign',
  initiative: 'search.types.initiative',
  organization: 'search.types.organization',
  organisation: 'search.types.organization',
  eco_organisation: 'search.types.organization',
  dataset: 'search.types.dataset',
  unit: 'search.types.unit',
} as const;

function typeKey(entityType: string) {
  return Object.hasOwn(typeKeys, entityType) ? typeKeys[entityType as keyof typeof typeKeys] : 'search.types.other';
}

/** Client routes go through the router; server pages and other sites are plain links; anything else is not linked. */
function ResultLink({ url, children }: { url: string; children: ReactNode }) {
  if (url.startsWith('/') && !url.startsWith('//')) {
    if (url.startsWith('/api/')) return <a href={url}>{children}</a>;
    return <Link to={url}>{children}</Link>;
  }
  if (/^https?:\/\//i.test(url)) return <a href={url}>{children}</a>;
  return <>{children}</>;
}

/** One hit: its kind, its title linking to it, and the snippet with the matched words marked. */
export function SearchResultItem({ result }: { result: SearchResult }) {
  const { t } = useTranslation();

  return (
    <article className={styles.result}>
      <p className={styles.type}>{t(typeKey(result.entityType))}</p>
      <h3 className={styles.title}>
        <ResultLink url={result.url}>
          <Localized text={result.title} />
        </ResultLink>
      </h3>
      {result.snippet.length > 0 ? (
        // The text around the match, from what the thing says in Vietnamese.
        <p className={styles.snippet} {...vietnameseContent}>
          {result.snippet.map((part, index) =>
            part.isMatch ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
          )}
        </p>
      ) : null}
    </article>
  );
}
