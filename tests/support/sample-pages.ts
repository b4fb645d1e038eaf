// Every page of the web app with real values for its route parameters, read from the demo data through
// the public API: the specs that visit every page (phone layout, language) share it.
import { webRoutePatterns } from '../../src/shared/web-paths.js';

type Get = (url: string) => Promise<unknown>;

/** A real value for each route parameter. */
async function sampleParams(get: Get): Promise<Record<string, string>> {
  const plans = (await get('/api/plans')) as { items: Array<{ code: string }> };
  const planCode = plans.items[0]!.code;
  const tasks = (await get(`/api/plans/${encodeURIComponent(planCode)}/tasks?limit=1`)) as { items: Array<{ id: string }> };
  const dashboard = (await get('/api/indicators/dashboard')) as { indicators: Array<{ id: string; code: string }> };
  const gallery = (await get('/api/movement/gallery?pageSize=50')) as { items: Array<{ id: string; state: string }> };
  const awarded = gallery.items.find((i) => i.state === 'awarded' || i.state === 'replicated');
  const awards = awarded ? ((await get(`/api/movement/gallery/${awarded.id}`)) as { awards: Array<{ id: string }> }).awards : [];
  const campaigns = (await get('/api/movement/campaigns')) as { campaigns: Array<{ code: string; phases: Array<{ id: string }> }> };
  const campaign = campaigns.campaigns.find((c) => c.phases.length > 0) ?? campaigns.campaigns[0]!;
  const organisations = (await get('/api/ecosystem/organisations?limit=1')) as { items: Array<{ slug: string }> };
  const programmes = (await get('/api/ecosystem/programmes')) as { items: Array<{ slug: string }> };
  const search = (await get('/api/3/action/package_search?rows=1&fq=res_format:CSV')) as {
    result: { results: Array<{ name: string; resources: Array<{ id: string }> }> };
  };
  const dataset = search.result.results[0]!;
  return {
    code: planCode,
    taskId: tasks.items[0]!.id,
    indicatorCode: dashboard.indicators[0]!.code,
    indicatorId: dashboard.indicators[0]!.id,
    id: gallery.items[0]!.id,
    awardId: awards[0]?.id ?? gallery.items[0]!.id,
    campaignCode: campaign.code,
    phaseId: campaign.phases[0]?.id ?? gallery.items[0]!.id,
    unitCode: '79',
    organisationSlug: organisations.items[0]!.slug,
    programmeSlug: programmes.items[0]!.slug,
    datasetName: dataset.name,
    resourceId: dataset.resources[0]!.id,
  };
}

/** The pattern with its parameters filled in; ":code" means a plan, an indicator, a campaign or a unit by where it stands. */
function fill(pattern: string, p: Record<string, string>): string {
  const code = pattern.startsWith('/chi-tieu')
    ? p.indicatorCode!
    : pattern.startsWith('/phong-trao')
      ? p.campaignCode!
      : pattern.startsWith('/don-vi')
        ? p.unitCode!
        : p.code!;
  const slug = pattern.startsWith('/he-sinh-thai/chuong-trinh') ? p.programmeSlug! : p.organisationSlug!;
  const id = pattern.startsWith('/giay-chung-nhan') ? p.awardId! : p.id!;
  return pattern
    .replace(':code', encodeURIComponent(code))
    .replace(':slug', slug)
    .replace(':name', p.datasetName!)
    .replace(':resourceId', p.resourceId!)
    .replace(':taskId', p.taskId!)
    .replace(':indicatorId', p.indicatorId!)
    .replace(':phaseId', p.phaseId!)
    .replace(':periodId', p.id!)
    .replace(':id', id);
}

/** Every route pattern, and a path to one real page of it. */
export async function samplePages(get: Get): Promise<Array<{ pattern: string; path: string }>> {
  const params = await sampleParams(get);
  return webRoutePatterns.map((pattern) => ({ pattern, path: fill(pattern, params) }));
}
