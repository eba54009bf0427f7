import type { SerializeFrom } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from '~/i18n/react';
import { FormAlert, RequiredNote, TextField } from '~/components/form-fields';
import { useMoney } from '~/components/localized';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import type { Currency, MoneyFormatSpec } from '~/i18n/format';
import { budgetStepClientSchema } from '~/schemas/application-client';
import { budgetTotals, lineTotal, parseMoneyInput } from '~/utils/money';
import { INTENT } from './intent';
import type { stepData } from './queries.server';
import { DefaultSaveButton, StepButtons } from './step-buttons';

type Data = Extract<SerializeFrom<ReturnType<typeof stepData>>, { step: 'budget' }>;
type RowInput = { name?: string; quantity?: string; unitPrice?: string };

const BLANK_ROW = { name: '', quantity: '', unitPrice: '' };

/** The grant asked is read out once typing has paused this long, not at every keystroke. */
const ANNOUNCE_AFTER_MS = 1000;

function parseQuantity(raw: string | undefined): number | null {
  const value = (raw ?? '').trim();
  return /^\d{1,6}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

/**
 * The same arithmetic the server does when it saves (integers of minor units), on what is typed
 * now; rows not yet complete count as nothing.
 */
function liveTotals(items: RowInput[] | undefined, ownContribution: string | undefined) {
  const lines = (items ?? []).map((item) => {
    const quantity = parseQuantity(item.quantity);
    const unitPrice = parseMoneyInput(item.unitPrice ?? '');
    return quantity !== null && unitPrice !== null ? { quantity, unitPrice } : null;
  });
  const complete = lines.filter((line): line is { quantity: number; unitPrice: number } => !!line);
  return { lines, ...budgetTotals(complete, parseMoneyInput(ownContribution ?? '') ?? 0) };
}

export function BudgetStep({
  data,
  currency,
  money: moneySpec,
  notice,
}: {
  data: Data;
  currency: Currency;
  money: MoneyFormatSpec;
  notice: string | null;
}) {
  const failure = useActionData<FormFailure>();
  const { t } = useTranslation('applications');
  const money = useMoney(moneySpec);
  const form = useValidatedForm({
    schema: budgetStepClientSchema,
    failure,
    defaultValues: data.defaultValues,
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'items' });
  const [announcement, setAnnouncement] = useState<string | null>(
    notice === 'rowAdded'
      ? t('budget.rowAdded')
      : notice === 'rowRemoved'
        ? t('budget.rowRemoved')
        : null,
  );
  const totals = liveTotals(form.watch('items'), form.watch('ownContribution'));
  const addButton = useRef<HTMLButtonElement>(null);
  const rowsRef = useRef<HTMLElement>(null);
  // After a row is removed by keyboard, focus goes to the row that took its place (or the add
  // button when it was the last), never to the page's body.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null) return;
    const next = rowsRef.current?.querySelector<HTMLInputElement>(
      `input[name="items.${focusRow}.name"]`,
    );
    (next ?? addButton.current)?.focus();
    setFocusRow(null);
  }, [focusRow]);
  // Only the grant asked is announced, politely, after typing pauses.
  const [requestedSaid, setRequestedSaid] = useState('');
  const requestedText = money(totals.requested);
  const firstRequested = useRef(requestedText);
  useEffect(() => {
    if (requestedText === firstRequested.current) return;
    firstRequested.current = '';
    const timer = setTimeout(
      () => setRequestedSaid(t('budget.requestedSaid', { amount: requestedText })),
      ANNOUNCE_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [requestedText, t]);
  const below = totals.requested < data.minGrant;
  const above = totals.requested > data.maxGrant;
  // With JavaScript the row buttons work in place; without it they post and the page returns.
  const onAdd = (event: MouseEvent) => {
    if (!form.hydrated) return;
    event.preventDefault();
    append({ ...BLANK_ROW });
    setAnnouncement(t('budget.rowAdded'));
  };
  const onRemove = (index: number) => (event: MouseEvent) => {
    if (!form.hydrated) return;
    event.preventDefault();
    remove(index);
    setAnnouncement(t('budget.rowRemoved'));
    setFocusRow(index);
  };
  return (
    <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
      <DefaultSaveButton />
      <p>{t('budget.intro')}</p>
      <RequiredNote draft />
      <FormAlert message={failure?.formError} />
      <section className="stack" aria-labelledby="budget-items" ref={rowsRef}>
        <h2 id="budget-items">{t('budget.itemsTitle')}</h2>
        {fields.map((field, index) => {
          const line = totals.lines[index];
          return (
            <fieldset key={field.id} className="budget-row">
              <legend>{t('budget.item', { number: index + 1 })}</legend>
              <TextField
                form={form}
                name={`items.${index}.name`}
                required
                label={t('budget.name')}
              />
              <div className="budget-row__numbers">
                <TextField
                  form={form}
                  name={`items.${index}.quantity`}
                  required
                  label={t('budget.quantity')}
                  inputMode="numeric"
                  autoComplete="off"
                />
                <TextField
                  form={form}
                  name={`items.${index}.unitPrice`}
                  required
                  label={t('budget.unitPrice', { currency })}
                  inputMode="decimal"
                  autoComplete="off"
                />
              </div>
              <div className="budget-row__foot">
                <p className="budget-row__total">
                  {line
                    ? t('budget.lineTotal', {
                        amount: money(lineTotal(line.quantity, line.unitPrice)),
                      })
                    : null}
                </p>
                <button
                  type="submit"
                  name="intent"
                  value={`${INTENT.removeRow}:${index}`}
                  className="button button--secondary button--small"
                  onClick={onRemove(index)}
                >
                  {t('budget.removeRow', { number: index + 1 })}
                </button>
              </div>
            </fieldset>
          );
        })}
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        <button
          ref={addButton}
          type="submit"
          name="intent"
          value={INTENT.addRow}
          className="button button--secondary"
          onClick={onAdd}
        >
          <span aria-hidden="true">+</span> {t('budget.addRow')}
        </button>
      </section>
      <TextField
        form={form}
        name="ownContribution"
        label={t('budget.ownContribution', { currency })}
        hint={t('budget.ownContributionHint')}
        inputMode="decimal"
        autoComplete="off"
      />
      <section className="card totals" aria-labelledby="budget-totals">
        <h2 id="budget-totals">{t('budget.totalsTitle')}</h2>
        <p className="visually-hidden" aria-live="polite" data-testid="requested-said">
          {requestedSaid}
        </p>
        <div>
          <dl className="totals-list">
            <dt>{t('budget.total')}</dt>
            <dd>{money(totals.total)}</dd>
            <dt>{t('budget.own')}</dt>
            <dd>{money(totals.ownContribution)}</dd>
            <dt>{t('budget.requested')}</dt>
            <dd>
              <strong>{money(totals.requested)}</strong>
            </dd>
          </dl>
          <p className={below || above ? 'range range--out' : 'range range--in'}>
            {below
              ? t('budget.belowMin', { min: money(data.minGrant) })
              : above
                ? t('budget.aboveMax', { max: money(data.maxGrant) })
                : t('budget.inRange')}
          </p>
        </div>
        <p className="muted">
          {t('budget.range', { min: money(data.minGrant), max: money(data.maxGrant) })}
        </p>
      </section>
      <StepButtons />
    </Form>
  );
}
