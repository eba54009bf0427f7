import { useTranslation } from 'react-i18next';
import { INTL_TAGS } from '~/i18n/config';
import type { CompetitionCard } from '~/models/open-competition.server';
import type { BeneficiarySexRule, Relation } from '~/schemas/enums';
import { FormattedDeadline, useLocale, useMoney } from './localized';

/** Where, how much and until when: the facts a family looks for first. */
export function CompetitionSummary({ competition }: { competition: CompetitionCard }) {
  const { t } = useTranslation('applications');
  const money = useMoney(competition.currency);
  return (
    <dl className="details">
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
            <FormattedDeadline value={competition.opensAt} timeZone={competition.timezone} />
          </dd>
        </>
      ) : null}
      <dt>{t('competitions.closes')}</dt>
      <dd>
        <FormattedDeadline value={competition.closesAt} timeZone={competition.timezone} />
      </dd>
    </dl>
  );
}

/** Who may receive the grant, as a short list a family can check against her members. */
export function HolderRule({
  rule,
}: {
  rule: { relations: Relation[]; sex: BeneficiarySexRule; adultOnly: boolean };
}) {
  const { t } = useTranslation('applications');
  const list = new Intl.ListFormat(INTL_TAGS[useLocale()], { type: 'disjunction' });
  return (
    <ul className="check-list">
      <li>{t(`competition.holderSex.${rule.sex}`)}</li>
      {rule.adultOnly ? <li>{t('competition.holderAdult')}</li> : null}
      <li>
        {t('competition.holderRelations', {
          relations: list.format(rule.relations.map((r) => t(`relations.${r}`))),
        })}
      </li>
    </ul>
  );
}
