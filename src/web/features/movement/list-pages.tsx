import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { initiativeStates, type InitiativeState, type InitiativeSummary } from '../../../shared/contracts/movement.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useManageList, useMyInitiatives } from './api.js';
import { ManagerLinks } from './manager-links.js';
import { movementPaths } from './paths.js';
import { Field, StateTag } from './ui.js';
import { useFieldNames } from './use-field-names.js';

/** `showDecisionDue`: the managers' queue shows when each decision is due, overdue ones marked. */
function InitiativeTable({ items, showDecisionDue = false }: { items: InitiativeSummary[]; showDecisionDue?: boolean }) {
  const { t } = useTranslation();
  const fieldName = useFieldNames();
  const localized = useLocalized();
  return (
    <div className="movement-table-wrap">
      <table className="movement-table">
        <thead>
          <tr>
            <th scope="col">{t('movement.common.code')}</th>
            <th scope="col">{t('movement.common.title')}</th>
            <th scope="col">{t('movement.common.field')}</th>
            <th scope="col">{t('movement.common.unit')}</th>
            <th scope="col">{t('movement.common.state')}</th>
            {showDecisionDue ? <th scope="col">{t('movement.deadline.column')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{item.code}</td>
              <td>
                <Link to={movementPaths.dossier(item.id)}>{item.title || item.code}</Link>
              </td>
              <td>{item.fieldCode ? fieldName(item.fieldCode) : '—'}</td>
              <td>{item.unitName ? localized(item.unitName) : '—'}</td>
              <td>
                <StateTag state={item.state} />
              </td>
              {showDecisionDue ? (
                <td>
                  {item.decisionDueOn ?? '—'} {item.isDecisionOverdue ? <span className="tag tag--warning">{t('movement.deadline.overdue')}</span> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The signed-in person's initiatives. */
export function MyInitiativesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.mine.pageTitle') }));
  return (
    <div className="container page">
      <h1>{t('movement.mine.heading')}</h1>
      <p>
        <Link className="button" to={movementPaths.submit}>
          {t('movement.mine.newOne')}
        </Link>
      </p>
      <RequireSignedIn>{() => <MyList />}</RequireSignedIn>
    </div>
  );
}

function MyList() {
  const { t } = useTranslation();
  const mine = useMyInitiatives();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  return mine.data.items.length === 0 ? <p>{t('movement.mine.empty')}</p> : <InitiativeTable items={mine.data.items} />;
}

/** The programme managers' queue, by state. */
export function ManagePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.manage.pageTitle') }));
  return (
    <div className="container page">
      <h1>{t('movement.manage.heading')}</h1>
      <RequireSignedIn>
        {() => (
          <>
            <ManagerLinks />
            <ManageList />
          </>
        )}
      </RequireSignedIn>
    </div>
  );
}

function ManageList() {
  const { t } = useTranslation();
  const [state, setState] = useState<InitiativeState | ''>('submitted');
  const list = useManageList(state);
  return (
    <>
      <Field label={t('movement.manage.filter')}>
        {(p) => (
          <select {...p} className="field__select" value={state} onChange={(e) => setState(e.target.value as InitiativeState | '')}>
            <option value="">{t('movement.common.all')}</option>
            {initiativeStates
              .filter((s) => s !== 'draft')
              .map((s) => (
                <option key={s} value={s}>
                  {t(`movement.states.${s}`)}
                </option>
              ))}
          </select>
        )}
      </Field>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? list.data.items.length === 0 ? <p>{t('movement.manage.empty')}</p> : <InitiativeTable items={list.data.items} showDecisionDue /> : null}
    </>
  );
}
