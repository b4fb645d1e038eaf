import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompiledAction, UnitReportAction } from '../../../shared/contracts/reports.js';
import { Button, ButtonRow, type ButtonVariant } from '../../components/button/button.js';
import { Panel } from '../../components/card/card.js';
import { WriteError } from '../../components/notice/notice.js';

type StepAction = UnitReportAction | CompiledAction;

type ReportStepsProps<Action extends StepAction> = {
  /** The report, with every step its reader may take now; with none the panel is not shown. */
  report: { id: string; allowedActions: readonly Action[] };
  /** The module's mutation that takes a step. */
  step: {
    mutate: (variables: { id: string; action: Action; body: object }) => void;
    isPending: boolean;
    error: unknown;
  };
  /** The steps one click takes; the others come as forms in `children`. */
  oneClick: readonly Action[];
  variantOf?: (action: Action) => ButtonVariant;
  children: ReactNode;
};

/** A report's next steps: a button for each step one click takes, the forms of those that ask more, and a failure. */
export function ReportSteps<Action extends StepAction>({ report, step, oneClick, variantOf, children }: ReportStepsProps<Action>) {
  const { t } = useTranslation();
  if (report.allowedActions.length === 0) return null;
  return (
    <Panel title={t('reports.unitReport.steps')}>
      {oneClick.length ? (
        <ButtonRow>
          {oneClick.map((action) => (
            <Button
              key={action}
              isBusy={step.isPending}
              variant={variantOf?.(action)}
              onClick={() => step.mutate({ id: report.id, action, body: {} })}
            >
              {t(`reports.actions.${action}`)}
            </Button>
          ))}
        </ButtonRow>
      ) : null}
      {children}
      <WriteError error={step.error} />
    </Panel>
  );
}
