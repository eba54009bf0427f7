// The grant agreement on A4, in the family's language (or the one asked for with ?lang=), for
// her to sign. The family, her facilitator and staff may open it; anyone else gets a 404.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from '~/i18n/react';
import { TableFrame } from '~/components/table-frame';
import { useHydrated } from '~/components/use-hydrated';
import { HTML_LANG, LOCALES, LOCALE_NATIVE_NAMES } from '~/i18n/config';
import { agreementLocale, agreementSheet, grantFor } from '~/services/family-grant.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'applications:view' };
export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:view');
  const context = grantFor(actor, idParam(params.grantId));
  if (!context) throw notFound();
  recordRead(actor, context.household.id, 'agreement', request, context.grant.id);
  const asked = new URL(request.url).searchParams.get('lang');
  const sheet = agreementSheet(context, agreementLocale(context, asked, actor.user.locale));
  return json({
    pageTitle: sheet.pageTitle,
    sheet,
    backTo:
      context.access === 'staff'
        ? `/staff/grants/${context.grant.id}`
        : `/grants/${context.grant.id}`,
  });
}

function Rows({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="details details--stacked">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function Table({
  head,
  rows,
  labelledBy,
}: {
  head: string[];
  rows: string[][];
  labelledBy: string;
}) {
  return (
    <TableFrame labelledBy={labelledBy}>
      <table>
        <thead>
          <tr>
            {head.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

/** The agreement: its words come from the server in the family's language. */
export default function AgreementPage() {
  const { sheet, backTo } = useLoaderData<typeof loader>();
  const { t } = useTranslation('grantFamily');
  const hydrated = useHydrated();
  return (
    <article className="print-sheet agreement" lang={HTML_LANG[sheet.locale]}>
      <div className="row no-print">
        <Link to={backTo}>
          <span aria-hidden="true">←</span> {t('agreement.back')}
        </Link>
        {hydrated ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t('agreement.print')}
          </button>
        ) : null}
      </div>
      <p className="no-print small">
        {t('agreement.otherLanguages')}{' '}
        {LOCALES.filter((l) => l !== sheet.locale).map((l) => (
          <Link key={l} to={`?lang=${l}`} lang={HTML_LANG[l]} className="agreement__language">
            {LOCALE_NATIVE_NAMES[l]}
          </Link>
        ))}
      </p>
      <header className="print-sheet__head">
        <h1>{sheet.title}</h1>
        <p>{sheet.number}</p>
        <p>{sheet.placeAndDate}</p>
      </header>
      <p>{sheet.intro}</p>
      <section aria-labelledby="agreement-holder">
        <h2 id="agreement-holder">{sheet.holder.title}</h2>
        <Rows rows={sheet.holder.rows} />
        <p className="agreement__fill">{sheet.holder.document}</p>
        <div className="signature__line" />
      </section>
      <section aria-labelledby="agreement-business">
        <h2 id="agreement-business">{sheet.business.title}</h2>
        <Rows rows={sheet.business.rows} />
      </section>
      <section aria-labelledby="agreement-amount">
        <h2 id="agreement-amount">{sheet.amount.title}</h2>
        <p data-testid="agreement-amount">{sheet.amount.text}</p>
      </section>
      <section aria-labelledby="agreement-tranches">
        <h2 id="agreement-tranches">{sheet.tranches.title}</h2>
        <Table
          head={sheet.tranches.head}
          rows={sheet.tranches.rows}
          labelledBy="agreement-tranches"
        />
      </section>
      <section aria-labelledby="agreement-method">
        <h2 id="agreement-method">{sheet.method.title}</h2>
        {sheet.method.text ? <p>{sheet.method.text}</p> : <Rows rows={sheet.method.rows} />}
      </section>
      <section aria-labelledby="agreement-obligations">
        <h2 id="agreement-obligations">{sheet.obligations.title}</h2>
        <ol>
          {sheet.obligations.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
        <h2>{sheet.programme.title}</h2>
        <p>{sheet.programme.text}</p>
      </section>
      <section className="signatures" aria-labelledby="agreement-signatures">
        <h2 id="agreement-signatures">{sheet.signatures.title}</h2>
        <div className="signature">
          <div className="signature__line" />
          <p>{sheet.signatures.holder}</p>
          <p className="signature__name">{sheet.signatures.holderName}</p>
        </div>
        <div className="signature">
          <div className="signature__line" />
          <p>
            {sheet.signatures.programme} ({sheet.signatures.nameAndSignature})
          </p>
        </div>
        <div className="signature">
          <div className="signature__line" />
          <p>
            {sheet.signatures.witness} ({sheet.signatures.nameAndSignature})
          </p>
        </div>
      </section>
      <section className="agreement__annex" aria-labelledby="agreement-budget">
        <h2 id="agreement-budget">{sheet.budget.title}</h2>
        <Table head={sheet.budget.head} rows={sheet.budget.rows} labelledBy="agreement-budget" />
        <p>
          <strong>{sheet.budget.total}</strong> · {sheet.budget.ownContributionLabel}:{' '}
          {sheet.budget.ownContribution}
        </p>
      </section>
      <p className="muted small">{sheet.printedOn}</p>
    </article>
  );
}
