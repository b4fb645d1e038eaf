import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, useSearchParams } from 'react-router';
import { gallerySorts, recognitionScopes } from '../../../shared/contracts/movement.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useCampaigns, useGallery, useMostReplicated } from './api.js';
import { movementPaths } from './paths.js';
import { Field, StateTag } from './ui.js';
import { useFieldNames } from './use-field-names.js';

/** The public gallery: search without diacritics, filters in the URL so a view can be shared. */
export function GalleryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const fieldName = useFieldNames();
  const [params] = useSearchParams();
  const campaigns = useCampaigns();
  const query = {
    q: params.get('q') ?? '',
    field: params.get('field') ?? '',
    scope: params.get('scope') ?? '',
    sort: params.get('sort') ?? 'supports',
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
  };
  const gallery = useGallery(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')));
  const most = useMostReplicated();
  const searchId = useId();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.gallery.pageTitle') }));
  const fields = campaigns.data?.campaigns.flatMap((c) => c.fields) ?? [];
  const pages = gallery.data ? Math.max(1, Math.ceil(gallery.data.total / gallery.data.pageSize)) : 1;
  const pageLink = (page: number) => `?${new URLSearchParams({ ...Object.fromEntries(params), page: String(page) }).toString()}`;

  return (
    <div className="container page">
      <h1>{t('movement.gallery.heading')}</h1>
      <p className="lead">{t('movement.gallery.lead')}</p>
      <Form method="get" role="search" className="movement-filters">
        <div className="field">
          <label className="field__label" htmlFor={searchId}>
            {t('movement.gallery.search')}
          </label>
          <div id={`${searchId}-hint`} className="field__hint">
            {t('movement.gallery.searchHint')}
          </div>
          <input id={searchId} aria-describedby={`${searchId}-hint`} className="field__input" type="search" name="q" defaultValue={query.q} key={query.q} maxLength={200} />
        </div>
        <Field label={t('movement.common.field')}>
          {(p) => (
            <select {...p} name="field" className="field__select" defaultValue={query.field} key={`f${query.field}`}>
              <option value="">{t('movement.common.all')}</option>
              {fields.map((f) => (
                <option key={f.code} value={f.code}>
                  {localized(f.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('movement.common.scope')}>
          {(p) => (
            <select {...p} name="scope" className="field__select" defaultValue={query.scope} key={`s${query.scope}`}>
              <option value="">{t('movement.common.all')}</option>
              {recognitionScopes.map((s) => (
                <option key={s} value={s}>
                  {t(`movement.scopes.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('movement.gallery.sort')}>
          {(p) => (
            <select {...p} name="sort" className="field__select" defaultValue={query.sort} key={`o${query.sort}`}>
              {gallerySorts.map((s) => (
                <option key={s} value={s}>
                  {t(`movement.gallery.sorts.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button">
          {t('movement.gallery.apply')}
        </button>
      </Form>
      <p role="status">{gallery.data ? t('movement.gallery.count', { count: gallery.data.total, total: `${formatNumber(gallery.data.total, locale)}${gallery.data.isTotalCapped ? '+' : ''}` }) : ''}</p>
      {gallery.isPending ? <Loading quiet /> : null}
      {gallery.isError ? <QueryError error={gallery.error} onRetry={() => void gallery.refetch()} /> : null}
      {gallery.data?.items.length === 0 ? <p>{t('movement.gallery.empty')}</p> : null}
      <ul className="movement-cards">
        {gallery.data?.items.map((item) => (
          <li key={item.id} className="movement-card">
            <h2 className="movement-card__title">
              <Link to={movementPaths.publicInitiative(item.id)}>{item.title}</Link>
            </h2>
            <p className="muted">
              {fieldName(item.fieldCode)}
              {item.unitName ? ` · ${localized(item.unitName)}` : ''}
            </p>
            <p>{item.excerpt}</p>
            <p>
              <StateTag state={item.state} /> {item.scope ? <span className="tag tag--info">{t(`movement.scopes.${item.scope}`)}</span> : null}{' '}
              <span>{t('movement.public.supportCount', { count: item.supportCount })}</span> · <span>{t('movement.gallery.units', { count: item.replicationCount })}</span>
            </p>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label={t('movement.gallery.page', { page: query.page, pages })} className="button-row">
          {query.page > 1 ? <Link to={pageLink(query.page - 1)}>{t('movement.gallery.previous')}</Link> : null}
          <span>{t('movement.gallery.page', { page: query.page, pages })}</span>
          {query.page < pages ? <Link to={pageLink(query.page + 1)}>{t('movement.gallery.next')}</Link> : null}
        </nav>
      ) : null}
      <section className="section" aria-labelledby="most-replicated-heading">
        <h2 id="most-replicated-heading">{t('movement.gallery.mostReplicated')}</h2>
        <ol>
          {most.data?.items.map((item) => (
            <li key={item.id}>
              <Link to={movementPaths.publicInitiative(item.id)}>{item.title}</Link> — {t('movement.gallery.units', { count: item.replicationCount })}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
