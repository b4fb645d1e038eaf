import { useTranslation } from 'react-i18next';
import type { CompiledState, TaskTally, Timeliness, UnitReportState } from '../../../shared/contracts/reports.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';

const stateTone = { draft: 'neutral', awaiting_approval: 'info', submitted: 'warning', accepted: 'success', returned: 'danger' } as const;
const timelinessTone = { on_time: 'success', late: 'warning', missing: 'danger', pending: 'neutral' } as const;
const compiledTone = { draft: 'neutral', approved: 'info', issued: 'success', published: 'success' } as const;

export function StateTag({ state }: { state: UnitReportState }) {
  const { t } = useTranslation();
  return <StatusTag tone={stateTone[state]}>{t(`reports.states.${state}`)}</StatusTag>;
}

export function TimelinessTag({ timeliness }: { timeliness: Timeliness }) {
  const { t } = useTranslation();
  return <StatusTag tone={timelinessTone[timeliness]}>{t(`reports.timeliness.${timeliness}`)}</StatusTag>;
}

export function CompiledStateTag({ state }: { state: CompiledState }) {
  const { t } = useTranslation();
  return <StatusTag tone={compiledTone[state]}>{t(`reports.compiledStates.${state}`)}</StatusTag>;
}

/** Links to a report's documents: DOCX and PDF, and its data annex where there is one. */
export function Downloads({ urls }: { urls: { docx: string; pdf: string; annex: string | null } }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list link-list">
      <li>
        <a href={urls.docx} download>
          {t('reports.common.docx')}
        </a>
      </li>
      <li>
        <a href={urls.pdf} download>
          {t('reports.common.pdf')}
        </a>
      </li>
      {urls.annex ? (
        <li>
          <a href={urls.annex} download>
            {t('reports.common.annex')}
          </a>
        </li>
      ) : null}
    </ul>
  );
}

/** Tasks counted by their tracking status, one row per group or lead unit. */
export function TallyTable({ caption, first, rows, name }: { caption: string; first: string; rows: readonly TaskTally[]; name: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const number = (key: keyof Omit<TaskTally, 'label'>, header: string) => ({
    key,
    header,
    align: 'end' as const,
    cell: (row: TaskTally) => formatNumber(row[key], locale),
    sortValue: (row: TaskTally) => row[key],
  });
  return (
    <DataTable
      name={name}
      caption={caption}
      rows={rows}
      rowKey={(row) => localized(row.label)}
      columns={[
        { key: 'label', header: first, isRowHeader: true, cell: (row) => localized(row.label), sortValue: (row) => localized(row.label) },
        number('total', t('reports.compiled.total')),
        number('completedOnTime', t('reports.compiled.onTime')),
        number('completedLate', t('reports.compiled.late')),
        number('overdue', t('reports.compiled.overdue')),
        number('extended', t('reports.compiled.extended')),
        number('inProgress', t('reports.compiled.inProgress')),
      ]}
    />
  );
}
