// What a family entered in an application, read-only: on the review step, on the application's
// page and in the print view.
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from './enum-labels';
import type { Currency, FormattedInstant, MoneyFormatSpec } from '~/i18n/format';
import type { LocalizedText } from '~/i18n/localized-text';
import type { ApplicationStep } from '~/schemas/application';
import type {
  ApplicationStatus,
  AttachmentKind,
  ConsentMethod,
  Relation,
  Sector,
  Sex,
} from '~/schemas/enums';
import { MultilineText, useMoney } from './localized';
import { TableFrame } from './table-frame';

export type ApplicationSummaryData = {
  id: number;
  reference: string | null;
  status: ApplicationStatus;
  currency: Currency;
  money: MoneyFormatSpec;
  competition: { id: number; title: LocalizedText | null };
  household: { locality: string; address: string };
  beneficiary: { name: string; relation: Relation; sex: Sex; birthYear: number } | null;
  idea: {
    title: string;
    sector: Sector | null;
    description: string;
    market: string;
    experience: string;
  };
  budget: {
    items: { name: string; quantity: number; unitPrice: number; lineTotal: number }[];
    total: number;
    ownContribution: number;
    requested: number;
  };
  plan: {
    expectedMonthlyRevenue: number | null;
    expectedMonthlyCosts: number | null;
    jobsCreated: number | null;
  };
  attachments: {
    id: number;
    kind: AttachmentKind;
    originalName: string;
    mimeType: string;
    sizeBytes: number;
  }[];
  enteredBy: { name: string; onBehalf: boolean };
  consent: {
    givenBy: string;
    method: ConsentMethod;
    /** The day, formatted by the server in the reader's language. */
    givenOn: string;
    recordedByName: string;
    note: string | null;
  } | null;
  submittedAt: FormattedInstant | null;
};

function Section({
  id,
  title,
  step,
  editable,
  children,
}: {
  id: string;
  title: string;
  step: ApplicationStep;
  editable: number | null;
  children: ReactNode;
}) {
  const { t } = useTranslation('applications');
  return (
    <section className="summary-section" aria-labelledby={id}>
      <div className="summary-section__head">
        <h3 id={id}>{title}</h3>
        {editable !== null ? (
          <Link to={`/applications/${editable}/edit/${step}`} className="summary-section__edit">
            {t('review.change')}
            <span className="visually-hidden">: {title}</span>
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}

export function BudgetTable({ summary }: { summary: ApplicationSummaryData }) {
  const { t } = useTranslation('applications');
  const money = useMoney(summary.money);
  const { budget } = summary;
  return (
    <TableFrame label={t('summary.budget')}>
      <table className="table--stack">
        <caption className="visually-hidden">{t('summary.budget')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary.item')}</th>
            <th scope="col" className="num">
              {t('summary.quantity')}
            </th>
            <th scope="col" className="num">
              {t('summary.unitPrice')}
            </th>
            <th scope="col" className="num">
              {t('summary.lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {budget.items.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                {t('summary.noItems')}
              </td>
            </tr>
          ) : (
            budget.items.map((item, index) => (
              <tr key={index}>
                <td>{item.name}</td>
                <td className="num" data-label={t('summary.quantity')}>
                  {item.quantity}
                </td>
                <td className="num" data-label={t('summary.unitPrice')}>
                  {money(item.unitPrice)}
                </td>
                <td className="num" data-label={t('summary.lineTotal')}>
                  {money(item.lineTotal)}
                </td>
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('budget.total')}
            </th>
            <td className="num">{money(budget.total)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              {t('budget.own')}
            </th>
            <td className="num">{money(budget.ownContribution)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              {t('budget.requested')}
            </th>
            <td className="num">
              <strong>{money(budget.requested)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </TableFrame>
  );
}

function Answer({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('applications');
  return (
    <>
      <dt>{label}</dt>
      <dd>{value.trim() ? <MultilineText value={value} /> : t('summary.empty')}</dd>
    </>
  );
}

/**
 * Every answer, grouped by step. `editableId` adds "Change" links to each step (review step);
 * `downloads` turns the file names into download links.
 */
export function ApplicationAnswers({
  summary,
  editableId = null,
  downloads = true,
  headingPrefix = 'answers',
}: {
  summary: ApplicationSummaryData;
  editableId?: number | null;
  downloads?: boolean;
  headingPrefix?: string;
}) {
  const { t } = useTranslation('applications');
  const labels = useEnumLabels();
  const money = useMoney(summary.money);
  const optionalMoney = (value: number | null) =>
    value === null ? t('summary.empty') : money(value);
  const { beneficiary, idea, plan } = summary;
  return (
    <div className="summary">
      <Section
        id={`${headingPrefix}-beneficiary`}
        title={t('summary.beneficiary')}
        step="beneficiary"
        editable={editableId}
      >
        <p>
          {beneficiary
            ? `${beneficiary.name} — ${labels.relation(beneficiary.relation)}, ${t('summary.born', {
                year: beneficiary.birthYear,
              })}`
            : t('summary.notChosen')}
        </p>
      </Section>
      <Section
        id={`${headingPrefix}-idea`}
        title={t('summary.idea')}
        step="idea"
        editable={editableId}
      >
        <dl className="details details--stacked">
          <Answer label={t('idea.title')} value={idea.title} />
          <Answer label={t('idea.sector')} value={idea.sector ? labels.sector(idea.sector) : ''} />
          <Answer label={t('idea.description')} value={idea.description} />
          <Answer label={t('idea.market')} value={idea.market} />
          <Answer label={t('idea.experience')} value={idea.experience} />
        </dl>
      </Section>
      <Section
        id={`${headingPrefix}-budget`}
        title={t('summary.budget')}
        step="budget"
        editable={editableId}
      >
        <BudgetTable summary={summary} />
      </Section>
      <Section
        id={`${headingPrefix}-plan`}
        title={t('summary.plan')}
        step="plan"
        editable={editableId}
      >
        <dl className="details details--stacked">
          <dt>{t('plan.revenue', { currency: summary.currency })}</dt>
          <dd>{optionalMoney(plan.expectedMonthlyRevenue)}</dd>
          <dt>{t('plan.costs', { currency: summary.currency })}</dt>
          <dd>{optionalMoney(plan.expectedMonthlyCosts)}</dd>
          <dt>{t('plan.jobs')}</dt>
          <dd>{plan.jobsCreated ?? t('summary.empty')}</dd>
        </dl>
      </Section>
      <Section
        id={`${headingPrefix}-documents`}
        title={t('summary.documents')}
        step="documents"
        editable={editableId}
      >
        {summary.attachments.length === 0 ? (
          <p className="muted">{t('summary.noFiles')}</p>
        ) : (
          <ul className="file-list">
            {summary.attachments.map((file) => (
              <li key={file.id}>
                {downloads ? (
                  <a
                    href={`/applications/${summary.id}/attachments/${file.id}`}
                    aria-label={t('summary.download', { name: file.originalName })}
                  >
                    {file.originalName}
                  </a>
                ) : (
                  file.originalName
                )}{' '}
                <span className="muted small">
                  ({t(`attachmentKinds.${file.kind}`)},{' '}
                  {t('summary.size', { size: Math.max(1, Math.round(file.sizeBytes / 1024)) })})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

/** Who typed the application in, and the family's consent when a facilitator did. */
export function EnteredBy({ summary }: { summary: ApplicationSummaryData }) {
  const { t } = useTranslation('applications');
  const { enteredBy, consent } = summary;
  if (!enteredBy.onBehalf) return <p>{t('page.enteredBySelf')}</p>;
  return (
    <>
      <p>{t('page.enteredByFacilitator', { name: enteredBy.name })}</p>
      <h3>{t('page.consentTitle')}</h3>
      {consent ? <ConsentText consent={consent} /> : <p>{t('page.noConsent')}</p>}
    </>
  );
}

function ConsentText({ consent }: { consent: NonNullable<ApplicationSummaryData['consent']> }) {
  const { t } = useTranslation('applications');
  return (
    <>
      <p>
        {t('page.consent', {
          givenBy: consent.givenBy,
          date: consent.givenOn,
          method: t(`page.consentMethods.${consent.method}`),
          recordedBy: consent.recordedByName,
        })}
      </p>
      {consent.note ? <MultilineText value={consent.note} /> : null}
    </>
  );
}
