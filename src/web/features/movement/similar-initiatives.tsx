import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSimilar } from './api.js';
import { movementPaths } from './paths.js';
import { StateTag } from './ui.js';

/** While the submitter types: the most similar existing initiatives (checked after a pause in typing). */
export function SimilarInitiatives({ text, excludeId }: { text: string; excludeId: string }) {
  const { t } = useTranslation();
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text.slice(0, 4000)), 600);
    return () => window.clearTimeout(timer);
  }, [text]);
  const similar = useSimilar(settled, excludeId);
  if (settled.trim().length < 10) return null;
  return (
    <aside className="panel movement-similar" aria-labelledby="similar-heading">
      <h2 id="similar-heading" className="movement-similar__heading">
        {t('movement.submit.similarHeading')}
      </h2>
      <p className="muted">{t('movement.submit.similarHint')}</p>
      {similar.data && similar.data.items.length === 0 ? <p>{t('movement.submit.similarNone')}</p> : null}
      <ul className="plain-list">
        {similar.data?.items.map((item) => (
          <li key={item.id}>
            <Link to={['recognised', 'awarded', 'replicated'].includes(item.state) ? movementPaths.publicInitiative(item.id) : movementPaths.dossier(item.id)}>{item.title}</Link> <StateTag state={item.state} />{' '}
            <span className="muted">({t('movement.submit.similarity', { score: item.score.toFixed(2) })})</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
