import { Form, Link, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';

/**
 * From staff's grant page: the agreement to print (in her language), her receipts, and — while it
 * waits for signing — telling her the agreement is ready.
 */
export function GrantFamilyLinks({
  grantId,
  awaitingSignature,
}: {
  grantId: number;
  awaitingSignature: boolean;
}) {
  const { t } = useTranslation('grantFamily');
  const [search] = useSearchParams();
  return (
    <div className="row">
      <Link to={`/grants/${grantId}/agreement`}>{t('page.agreementLink')}</Link>
      <Link to={`/staff/grants/${grantId}/receipts`}>{t('staff.link')}</Link>
      {awaitingSignature ? (
        <Form method="post" action={`/staff/grants/${grantId}/receipts`}>
          <input type="hidden" name="intent" value="tell-agreement-ready" />
          <button type="submit" className="button button--secondary button--small">
            {t('page.tellReady')}
          </button>
        </Form>
      ) : null}
      {search.get('told') === 'ready' ? <p role="status">{t('page.toldReady')}</p> : null}
    </div>
  );
}
