import type { ComponentProps, ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import { paths } from '../../app/paths.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader, type Breadcrumb } from '../../components/page-header/page-header.js';
import { WhenLoaded } from '../../components/query-status/when-loaded.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { Downloads } from './parts.js';

/*
 * What the page of one report (a unit's, or the city's compiled one) is made of around its own parts:
 * the frame that loads it, its header, its figures' section and its downloads.
 */

type ReportPageProps<Report> = {
  width?: ComponentProps<typeof Page>['width'];
  /** The module's query hook for the report the route's `:id` names (the same hook on every render). */
  useReport: (id: string) => UseQueryResult<Report>;
  children: (report: Report) => ReactNode;
};

/** The frame of a report's page: for signed-in people only; the report loaded (or why not), then `children`. */
export function ReportPage<Report>({ width, useReport, children }: ReportPageProps<Report>) {
  const { id = '' } = useParams();
  return (
    <Page width={width}>
      <RequireSignedIn>
        {() => (
          <LoadedReport id={id} useReport={useReport}>
            {children}
          </LoadedReport>
        )}
      </RequireSignedIn>
    </Page>
  );
}

// A component of its own so the report is asked for only once the person is known to be signed in.
function LoadedReport<Report>({ id, useReport, children }: Omit<ReportPageProps<Report>, 'width'> & { id: string }) {
  const report = useReport(id);
  return <WhenLoaded query={report}>{children}</WhenLoaded>;
}

type ReportHeaderProps = {
  title: string;
  documentTitle: string;
  regimeName: LocalizedText;
  /** The pages between home and this one. */
  trail: readonly Breadcrumb[];
};

/** The top of a report's page: its title, the regime it reports under, and the way to it from home. */
export function ReportHeader({ title, documentTitle, regimeName, trail }: ReportHeaderProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <PageHeader
      title={title}
      documentTitle={documentTitle}
      subtitle={localized(regimeName)}
      breadcrumbs={[{ label: t('nav.home'), to: paths.home }, ...trail]}
    />
  );
}

/** The section of the figures the platform fills in, saying the date they were read on. */
export function FiguresSection({ asOf, children }: { asOf: string; children: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t('reports.unitReport.figures')} intro={t('reports.unitReport.figuresAsOf', { date: formatDate(asOf, locale) })}>
      {children}
    </Section>
  );
}

/** The section that offers the report's documents for download. */
export function DownloadsSection({ urls }: { urls: ComponentProps<typeof Downloads>['urls'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('reports.common.download')}>
      <Downloads urls={urls} />
    </Section>
  );
}
