import { useTranslation } from '~/i18n/react';
import type { CompetitionCard } from '~/models/open-competition.server';
import type { BeneficiarySexRule } from '~/schemas/enums';
import { FormattedDateTime } from './formatted';
import { useMoney } from './localized';

/** Where, how much and until when: the facts a family looks for first. */
export function CompetitionSummary({ competition }: { competition: CompetitionCard }) {
  const { t } = useTranslation('applications');
  const money = useMoney(competition.money);
  return (
    <dl className="details details--stacked">
      <dt>{t('competitions.localities')}</dt>
      <dd>{competition.localities.join(', ')}</dd>
      <dt>{t('competitions.grant')}</dt>
      <dd>
        {t('competitions.grantRange', {
          min: money(competition.minGrant),
          max: money(competition.maxGrant),
        })}
      </dd>
      {competition.window === 'not-yet-open' ? (
        <>
          <dt>{t('competitions.opens')}</dt>
          <dd>
            <FormattedDateTime value={competition.opensAt} />
          </dd>
        </>
      ) : null}
      <dt>{t('competitions.closes')}</dt>
      <dd>
        <FormattedDateTime value={competition.closesAt} />
      </dd>
    </dl>
  );
}

/** Who may receive the grant, as a short list a family can check against her members. */
export function HolderRule({
  rule,
}: {
  rule: { relations: string; sex: BeneficiarySexRule; adultOnly: boolean };
}) {
  const { t } = useTranslation('applications');
  return (
    <ul className="check-list">
      <li>{t(`competition.holderSex.${rule.sex}`)}</li>
      {rule.adultOnly ? <li>{t('competition.holderAdult')}</li> : null}
      <li>{t('competition.holderRelations', { relations: rule.relations })}</li>
    </ul>
  );
}
