import type { TFunction } from 'i18next';
import type { ErrorMap } from '../../components/form/messages.js';
import type { InputReaders } from '../../components/form/use-form.js';
import { formatNumber } from '../../i18n/format.js';

/**
 * What launching a campaign and editing it share: its details, fields and scoring criteria, with their
 * labels, the rules checked before sending and the conversion to the request body.
 */
export const newField = () => ({ code: '', nameVi: '', nameEn: '' });
export const newCriterion = () => ({ code: '', nameVi: '', nameEn: '', weight: '', scaleMin: '0', scaleMax: '10' });

export type CampaignDetails = {
  titleVi: string;
  titleEn: string;
  kind: string;
  launchingBodyVi: string;
  launchingBodyEn: string;
  decision: string;
  periodStart: string;
  periodEnd: string;
  eligibleParticipants: string;
  descriptionVi: string;
  descriptionEn: string;
  fields: Array<ReturnType<typeof newField>>;
  criteria: Array<ReturnType<typeof newCriterion>>;
};

export const weightTotal = (values: CampaignDetails, read: InputReaders) =>
  values.criteria.reduce((sum, c) => sum + (read.number(c.weight) || 0), 0);

export function campaignDetailLabels(t: TFunction) {
  const row = (key: 'fieldN' | 'criterionN') => (n: number) => t(`movement.launch.${key}`, { n });
  const names = { code: t('movement.launch.rowCode'), nameVi: t('movement.launch.nameVi'), nameEn: t('movement.launch.nameEn') };
  return {
    names,
    labels: {
      titleVi: t('movement.launch.titleVi'),
      titleEn: t('movement.launch.titleEn'),
      kind: t('movement.launch.kind'),
      launchingBodyVi: t('movement.launch.launchingBodyVi'),
      launchingBodyEn: t('movement.launch.launchingBodyEn'),
      decision: t('movement.launch.decision'),
      periodStart: t('movement.launch.periodStart'),
      periodEnd: t('movement.launch.periodEnd'),
      eligibleParticipants: t('movement.launch.eligible'),
      descriptionVi: t('movement.launch.descriptionVi'),
      descriptionEn: t('movement.launch.descriptionEn'),
      fields: { label: t('movement.launch.fields'), row: row('fieldN'), fields: names },
      criteria: {
        label: t('movement.launch.criteria'),
        row: row('criterionN'),
        fields: {
          ...names,
          weight: t('movement.launch.weight'),
          scaleMin: t('movement.launch.scaleMin'),
          scaleMax: t('movement.launch.scaleMax'),
        },
      },
    },
  };
}

/** The details as the request body has them: no decision is null, one participant per line, numbers read. */
export function campaignDetailsInput<V extends CampaignDetails>(v: V, read: InputReaders) {
  return {
    ...v,
    decision: v.decision.trim() === '' ? null : v.decision,
    eligibleParticipants: v.eligibleParticipants
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    criteria: v.criteria.map((c) => ({
      ...c,
      weight: read.number(c.weight),
      scaleMin: read.number(c.scaleMin),
      scaleMax: read.number(c.scaleMax),
    })),
  };
}

/** The rules the server applies beyond the schema, checked first so the person hears them at once. */
export function campaignDetailsErrors(v: CampaignDetails, read: InputReaders): ErrorMap {
  const errors: ErrorMap = {};
  const total = weightTotal(v, read);
  if (total !== 100) errors.criteria = (tr, lang) => tr('movement.launch.errors.weights', { total: formatNumber(total, lang) });
  v.criteria.forEach((c, i) => {
    const [min, max] = [read.number(c.scaleMin), read.number(c.scaleMax)];
    if (min !== undefined && max !== undefined && max <= min) errors[`criteria.${i}.scaleMax`] = (tr) => tr('movement.launch.errors.scale');
  });
  if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) errors.periodEnd = (tr) => tr('movement.launch.errors.periodEnd');
  return errors;
}
