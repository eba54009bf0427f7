import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** From staff's grant page: the agreement to print (in her language) and her receipts. */
export function GrantFamilyLinks({ grantId }: { grantId: number }) {
  const { t } = useTranslation('grantFamily');
  return (
    <p className="row">
      <Link to={`/grants/${grantId}/agreement`}>{t('page.agreementLink')}</Link>
      <Link to={`/staff/grants/${grantId}/receipts`}>{t('staff.link')}</Link>
    </p>
  );
}
