import { useTranslation } from 'react-i18next';
import { ballotBodySchema, ballotChoices, type NominationDto, type VoteView } from '../../../shared/contracts/commendation.js';
import { Button } from '../../components/button/button.js';
import { Panel } from '../../components/card/card.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { ChoiceField } from '../../components/form/fields.js';
import { Form } from '../../components/form/form.js';
import { useForm } from '../../components/form/use-form.js';
import { Notice, WriteError } from '../../components/notice/notice.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { useToast } from '../../components/toast/toast.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useCastBallot, useCloseVote } from './api.js';

/**
 * The secret ballot as this person may see it: their own ballot to cast, the turnout, the roll (who
 * has voted, never how) for the chair and managers, and the counts once the chair has closed the vote.
 */
export function VotePanel({ dto, vote }: { dto: NominationDto; vote: VoteView }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Panel title={t('commendation.vote.heading')} tone="highlight">
      <p>{t('commendation.vote.intro')}</p>
      <p>
        <strong>{localized(vote.council.name)}</strong> ·{' '}
        {t('commendation.vote.turnout', { cast: vote.ballotsCast, members: vote.members })}
      </p>
      <ul>
        <li>
          {t(vote.threshold.isStrict ? 'commendation.vote.thresholdStrict' : 'commendation.vote.threshold', {
            percent: vote.threshold.percent,
          })}
        </li>
        <li>{t('commendation.vote.quorum', { numerator: vote.quorum.numerator, denominator: vote.quorum.denominator })}</li>
      </ul>
      {vote.result ? (
        <Notice tone={vote.result.isApproved ? 'success' : 'warning'} title={t('commendation.vote.closed')}>
          <p>{t('commendation.vote.result', { for: vote.result.for, against: vote.result.against, abstain: vote.result.abstain })}</p>
          <p>{vote.result.isApproved ? t('commendation.vote.approved') : t('commendation.vote.notApproved')}</p>
        </Notice>
      ) : null}
      {dto.can.vote ? <BallotForm id={dto.id} /> : null}
      {vote.myBallot === 'voted' ? <p>{t('commendation.vote.voted')}</p> : null}
      {vote.myBallot === 'not_member' && vote.roll === null ? <p>{t('commendation.vote.notMember')}</p> : null}
      {vote.roll ? (
        <DataTable
          caption={t('commendation.vote.roll')}
          name="roll"
          rows={vote.roll}
          rowKey={(r) => r.displayName}
          columns={[
            { key: 'name', header: t('commendation.councils.members'), isRowHeader: true, cell: (r) => r.displayName },
            {
              key: 'voted',
              header: t('commendation.columns.state'),
              cell: (r) => (
                <StatusTag tone={r.hasVoted ? 'success' : 'neutral'}>
                  {r.hasVoted ? t('commendation.vote.hasVoted') : t('commendation.vote.notVoted')}
                </StatusTag>
              ),
            },
          ]}
        />
      ) : null}
      {vote.canClose ? <CloseButton id={dto.id} /> : null}
    </Panel>
  );
}

function BallotForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const cast = useCastBallot(id);
  const form = useForm({
    id: 'ballot',
    initialValues: { choice: '' },
    labels: { choice: t('commendation.vote.choice') },
    schema: ballotBodySchema,
    onSubmit: async ({ choice }) => {
      await cast.mutateAsync(choice);
      return (tr) => tr('commendation.vote.castDone');
    },
  });
  return (
    <Form form={form} submitLabel={t('commendation.vote.cast')} headingLevel={3}>
      <ChoiceField
        form={form}
        name="choice"
        type="radio"
        options={ballotChoices.map((value) => ({ value, label: t(`commendation.ballot.${value}`) }))}
      />
    </Form>
  );
}

function CloseButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const close = useCloseVote(id);
  return (
    <>
      <Button
        isBusy={close.isPending}
        onClick={() => close.mutate(undefined, { onSuccess: () => toast.show((tr) => tr('commendation.vote.closed')) })}
      >
        {t('commendation.vote.close')}
      </Button>
      <WriteError error={close.error} />
    </>
  );
}
