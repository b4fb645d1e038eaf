import { useTranslation } from 'react-i18next';
import {
  commendationLimits,
  commendationSubjects,
  commendationTitleCodes,
  nominationBodySchema,
  nominationLevels,
  nominationPatchSchema,
  performanceRatings,
  workScopes,
  type NominationDto,
} from '../../../shared/contracts/commendation.js';
import type { Me, Unit } from '../../../shared/contracts/identity.js';
import { CheckboxField, NumberField, SelectField, TextAreaField, TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { FieldGroup } from '../../components/form/field-group.js';
import type { Row } from '../../components/form/paths.js';
import { RepeatingRows } from '../../components/form/repeating-rows.js';
import { useForm, type InputReaders } from '../../components/form/use-form.js';
import { todayInCity } from '../../i18n/format.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useTitles } from './api.js';

type Values = {
  unitId: string;
  titleCode: string;
  level: string;
  year: string;
  subject: string;
  nomineeName: string;
  nomineeJobTitle: string;
  nomineeUnitId: string;
  achievementReport: string;
  ratings: Row[];
  priorTitles: Row[];
  scienceWorks: Row[];
  members: string;
  membersCompletingTasks: string;
  membersLdtt: string;
  membersCstdCs: string;
  membersDisciplined: string;
  leadsEmulationBloc: string;
  isUnderReview: boolean;
};

const collectiveFields = ['members', 'membersCompletingTasks', 'membersLdtt', 'membersCstdCs', 'membersDisciplined'] as const;

function valuesOf(dto: NominationDto | null, unitId: string): Values {
  const lastYear = String(Number(todayInCity(new Date()).slice(0, 4)) - 1);
  const c = dto?.collective;
  return {
    unitId: dto?.unit.id ?? unitId,
    titleCode: dto?.title.code ?? 'LDTT',
    level: dto?.level ?? 'unit',
    year: dto ? String(dto.year) : lastYear,
    subject: dto?.subject ?? 'individual',
    nomineeName: dto?.nomineeName ?? '',
    nomineeJobTitle: dto?.nomineeJobTitle ?? '',
    nomineeUnitId: dto?.nomineeUnit.id ?? unitId,
    achievementReport: dto?.achievementReport ?? '',
    ratings: (dto?.ratings ?? []).map((r) => ({ year: String(r.year), rating: r.rating })),
    priorTitles: (dto?.priorTitles ?? []).map((p) => ({ year: String(p.year), titleCode: p.titleCode, decisionRef: p.decisionRef })),
    scienceWorks: (dto?.scienceWorks ?? []).map((w) => ({ title: w.title, acceptedYear: String(w.acceptedYear), scope: w.scope })),
    members: c ? String(c.members) : '',
    membersCompletingTasks: c ? String(c.membersCompletingTasks) : '',
    membersLdtt: c ? String(c.membersLdtt) : '',
    membersCstdCs: c ? String(c.membersCstdCs) : '0',
    membersDisciplined: c ? String(c.membersDisciplined) : '0',
    leadsEmulationBloc: c?.leadsEmulationBloc ?? '',
    isUnderReview: dto?.isUnderReview ?? false,
  };
}

function toBody(v: Values, read: InputReaders) {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    unitId: v.unitId,
    titleCode: v.titleCode,
    level: v.level,
    year: read.number(v.year),
    subject: v.subject,
    nomineeName: v.nomineeName,
    nomineeJobTitle: v.nomineeJobTitle,
    nomineeUnitId: v.nomineeUnitId,
    achievementReport: v.achievementReport,
    ratings: v.ratings.map((r) => ({ year: read.number(text(r.year)), rating: r.rating })),
    priorTitles: v.priorTitles.map((p) => ({ year: read.number(text(p.year)), titleCode: p.titleCode, decisionRef: p.decisionRef })),
    scienceWorks: v.scienceWorks.map((w) => ({ title: w.title, acceptedYear: read.number(text(w.acceptedYear)), scope: w.scope })),
    collective:
      v.subject === 'collective'
        ? {
            ...Object.fromEntries(collectiveFields.map((key) => [key, read.number(v[key])])),
            leadsEmulationBloc: v.leadsEmulationBloc.trim() === '' ? null : v.leadsEmulationBloc,
          }
        : null,
    isUnderReview: v.isUnderReview,
  };
}

/** The units below (and including) `rootId`, from the directory's parent links. */
export function subtreeOf(units: readonly Unit[], rootId: string): Unit[] {
  const inside = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && inside.has(unit.parentId) && !inside.has(unit.id)) {
        inside.add(unit.id);
        grew = true;
      }
    }
  }
  return units.filter((unit) => inside.has(unit.id));
}

/**
 * The nomination's dossier: a new one (for one of the officer's units) or an existing draft. The
 * checks run on the server as it saves; the detail page shows them with their reasons.
 */
export function NominationForm({
  user,
  units,
  dto,
  onSave,
}: {
  user: Me;
  units: readonly Unit[];
  dto: NominationDto | null;
  onSave: (body: unknown) => Promise<void>;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const titles = useTitles();
  const officerUnits = user.grants.filter((grant) => grant.role === 'unit_officer');
  const form = useForm({
    id: dto ? 'nomination-edit' : 'nomination',
    initialValues: valuesOf(dto, officerUnits[0]?.unitId ?? ''),
    labels: {
      unitId: t('commendation.form.unit'),
      titleCode: t('commendation.form.title'),
      level: t('commendation.form.level'),
      year: t('commendation.form.year'),
      subject: t('commendation.form.subject'),
      nomineeName: t('commendation.form.nomineeName'),
      nomineeJobTitle: t('commendation.form.nomineeJobTitle'),
      nomineeUnitId: t('commendation.form.nomineeUnit'),
      achievementReport: t('commendation.form.report'),
      ratings: {
        label: t('commendation.form.ratings'),
        row: (position: number) => t('commendation.form.rating', { position }),
        fields: { year: t('commendation.form.ratingYear'), rating: t('commendation.form.ratingValue') },
      },
      priorTitles: {
        label: t('commendation.form.priorTitles'),
        row: (position: number) => t('commendation.form.priorTitle', { position }),
        fields: {
          year: t('commendation.form.priorYear'),
          titleCode: t('commendation.form.priorCode'),
          decisionRef: t('commendation.form.priorRef'),
        },
      },
      scienceWorks: {
        label: t('commendation.form.works'),
        row: (position: number) => t('commendation.form.work', { position }),
        fields: {
          title: t('commendation.form.workTitle'),
          acceptedYear: t('commendation.form.workYear'),
          scope: t('commendation.form.workScope'),
        },
      },
      members: t('commendation.form.members'),
      membersCompletingTasks: t('commendation.form.membersCompleting'),
      membersLdtt: t('commendation.form.membersLdtt'),
      membersCstdCs: t('commendation.form.membersCstdCs'),
      membersDisciplined: t('commendation.form.membersDisciplined'),
      leadsEmulationBloc: t('commendation.form.leadsBloc'),
      isUnderReview: t('commendation.form.underReview'),
    },
    schema: dto ? nominationPatchSchema : nominationBodySchema,
    toInput: (v, read) => {
      const body = toBody(v, read);
      if (!dto) return body;
      const { unitId: _unit, ...patch } = body;
      return patch;
    },
    serverPaths: Object.fromEntries([...collectiveFields, 'leadsEmulationBloc'].map((key) => [`collective.${key}`, key])),
    onSubmit: async (body) => {
      await onSave(body);
      return dto ? { vi: 'Đã lưu hồ sơ.', en: 'The dossier is saved.' } : undefined;
    },
  });
  const unitName = (id: string) => {
    const unit = units.find((u) => u.id === id);
    return unit ? localized(unit.name) : id;
  };
  const nomineeUnits = subtreeOf(units, form.values.unitId);
  const titleName = (code: string) => {
    const title = titles.data?.titles.find((x) => x.code === code);
    return title ? localized(title.name) : code;
  };
  const titleOptions = commendationTitleCodes.map((code) => ({ value: code, label: titleName(code) }));

  return (
    <Form
      form={form}
      submitLabel={dto ? t('commendation.form.save') : t('commendation.form.create')}
      hasRequiredNote
      headingLevel={dto ? 3 : 2}
    >
      {dto ? null : (
        <SelectField form={form} name="unitId" options={officerUnits.map((g) => ({ value: g.unitId, label: localized(g.unitName) }))} />
      )}
      <SelectField form={form} name="titleCode" options={titleOptions} />
      <SelectField
        form={form}
        name="level"
        hint={t('commendation.form.levelHint')}
        options={nominationLevels.map((level) => ({ value: level, label: t(`commendation.levels.${level}`) }))}
      />
      <NumberField form={form} name="year" maxLength={4} />
      <SelectField
        form={form}
        name="subject"
        options={commendationSubjects.map((s) => ({ value: s, label: t(`commendation.subjects.${s}`) }))}
      />
      <TextField form={form} name="nomineeName" maxLength={commendationLimits.nameMax} autoComplete="off" />
      <TextField form={form} name="nomineeJobTitle" isOptional maxLength={commendationLimits.textMax} />
      <SelectField
        form={form}
        name="nomineeUnitId"
        options={(nomineeUnits.length ? nomineeUnits : units.filter((u) => u.id === form.values.nomineeUnitId)).map((u) => ({
          value: u.id,
          label: unitName(u.id),
        }))}
      />
      <TextAreaField
        form={form}
        name="achievementReport"
        isOptional
        rows={6}
        maxLength={commendationLimits.reportMax}
        hint={t('commendation.form.reportHint')}
      />
      <RepeatingRows
        form={form}
        name="ratings"
        newRow={() => ({ year: form.values.year, rating: 'good' })}
        addLabel={t('commendation.form.addRating')}
        maxRows={commendationLimits.ratingsMax}
      >
        {(row) => (
          <>
            <NumberField form={form} name={row.path('year')} maxLength={4} />
            <SelectField
              form={form}
              name={row.path('rating')}
              options={performanceRatings.map((r) => ({ value: r, label: t(`commendation.ratings.${r}`) }))}
            />
          </>
        )}
      </RepeatingRows>
      <RepeatingRows
        form={form}
        name="priorTitles"
        newRow={() => ({ year: form.values.year, titleCode: 'LDTT', decisionRef: '' })}
        addLabel={t('commendation.form.addPrior')}
        maxRows={commendationLimits.priorTitlesMax}
      >
        {(row) => (
          <>
            <NumberField form={form} name={row.path('year')} maxLength={4} />
            <SelectField form={form} name={row.path('titleCode')} options={titleOptions} />
            <TextField form={form} name={row.path('decisionRef')} maxLength={commendationLimits.textMax} />
          </>
        )}
      </RepeatingRows>
      <RepeatingRows
        form={form}
        name="scienceWorks"
        newRow={() => ({ title: '', acceptedYear: form.values.year, scope: 'unit' })}
        addLabel={t('commendation.form.addWork')}
        maxRows={commendationLimits.worksMax}
      >
        {(row) => (
          <>
            <TextField form={form} name={row.path('title')} maxLength={commendationLimits.textMax} />
            <NumberField form={form} name={row.path('acceptedYear')} maxLength={4} />
            <SelectField
              form={form}
              name={row.path('scope')}
              options={workScopes.map((s) => ({ value: s, label: t(`commendation.scopes.${s}`) }))}
            />
          </>
        )}
      </RepeatingRows>
      {form.values.subject === 'collective' ? (
        <FieldGroup legend={t('commendation.form.collective')}>
          {collectiveFields.map((key) => (
            <NumberField key={key} form={form} name={key} maxLength={6} />
          ))}
          <TextField form={form} name="leadsEmulationBloc" isOptional maxLength={commendationLimits.textMax} />
        </FieldGroup>
      ) : null}
      <CheckboxField form={form} name="isUnderReview" />
    </Form>
  );
}
