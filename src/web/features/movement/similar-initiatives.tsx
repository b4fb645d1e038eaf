import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicStates } from '../../../shared/contracts/movement.js';
import { Panel } from '../../components/card/card.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { useSimilar } from './api.js';
import { movementPaths } from './paths.js';
import { InitiativeStateTag } from './state-tag.js';

/** While the submitter types: the most similar existing initiatives (checked after a pause in typing). */
export function SimilarInitiatives({ text, excludeId }: { text: string; excludeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text.slice(0, 4000)), 600);
    return () => window.clearTimeout(timer);
  }, [text]);
  const similar = useSimilar(settled, excludeId);
  if (settled.trim().length < 10) return null;
  return (
    <Panel title={t('movement.submit.similarHeading')} headingLevel={2}>
      <p className="muted">{t('movement.submit.similarHint')}</p>
      {similar.data && similar.data.items.length === 0 ? <p>{t('movement.submit.similarNone')}</p> : null}
      <ul className="plain-list">
        {similar.data?.items.map((item) => (
          <li key={item.id} className="cluster">
            <Link
              to={
                (publicStates as readonly string[]).includes(item.state)
                  ? movementPaths.publicInitiative(item.id)
                  : movementPaths.dossier(item.id)
              }
            >
              {item.title}
            </Link>
            <InitiativeStateTag state={item.state} />
            <span className="muted">({t('movement.submit.similarity', { score: formatNumber(item.score, locale) })})</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
