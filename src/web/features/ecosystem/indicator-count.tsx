import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { indicatorCountReportBodySchema, organisationKindNames } from '../../../shared/contracts/ecosystem.js';
import { Panel } from '../../components/card/card.js';
import { TextField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Section } from '../../components/page/page.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDate, formatNumber, formatPeriod } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useSession } from '../identity/session.js';
import { useIndicatorCounts, useReportIndicatorCount } from './api.js';

/**
 * On an indicator the directory counts: the count of verified profiles now beside the last official
 * figure, and for a programme manager the way to send the count as a period's value for approval.
 * Renders nothing for any other indicator.
 */
export function DirectoryCountSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const session = useSession();
  const counts = useIndicatorCounts();
  const count = counts.data?.items.find((c) => c.code === code);
  if (!count) return null;
  const user = session.data?.user ?? null;
  return (
    <Section title={t('ecosystem.indicatorCount.heading')} intro={t('ecosystem.indicatorCount.intro')}>
      <SummaryList
        items={[
          {
            label: t('ecosystem.indicatorCount.counted', { date: formatDate(count.countedOn, locale) }),
            value: t('ecosystem.indicatorCount.countValue', {
              verified: formatNumber(count.verified, locale),
              all: formatNumber(count.all, locale),
              kind: localized(organisationKindNames[count.kind]),
            }),
          },
          {
            label: t('ecosystem.indicatorCount.lastOfficial'),
            value: count.lastOfficial
              ? `${formatNumber(count.lastOfficial.value, locale)} (${formatPeriod(count.lastOfficial.period, locale)})`
              : t('ecosystem.indicatorCount.noOfficial'),
          },
        ]}
      />
      {user && isProgrammeManager(user) ? <ReportForm code={code} /> : null}
    </Section>
  );
}

const reportSchema = z.object({ period: indicatorCountReportBodySchema.shape.period });

function ReportForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const report = useReportIndicatorCount(code);
  const form = useForm({
    id: 'indicator-count',
    initialValues: { period: '' },
    labels: { period: t('ecosystem.indicatorCount.period') },
    schema: reportSchema,
    onSubmit: async ({ period }) => {
      const sent = await report.mutateAsync(period);
      form.reset();
      return (tr) => tr('ecosystem.indicatorCount.sent', { value: String(sent.value), period: sent.period });
    },
  });
  return (
    <Panel title={t('ecosystem.indicatorCount.reportHeading')}>
      <p>{t('ecosystem.indicatorCount.reportIntro')}</p>
      <Form form={form} headingLevel={3} submitLabel={t('ecosystem.indicatorCount.submit')}>
        <TextField form={form} name="period" hint={t('ecosystem.indicatorCount.periodHint')} width="short" maxLength={7} />
      </Form>
    </Panel>
  );
}
