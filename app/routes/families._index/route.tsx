import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { listFamiliesForHelper, listLocalities } from '~/models/user.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'families:reset-password' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, roles } = await requirePermission(request, 'families:reset-password');
  const seesAll = roles.includes('staff') || roles.includes('admin');
  const localities = new Map(listLocalities().map((l) => [l.id, localityName(l, user.locale)]));
  const collator = new Intl.Collator(user.locale);
  const families = listFamiliesForHelper({ userId: user.id, seesAllLocalities: seesAll })
    .map((f) => ({
      id: f.id,
      name: f.name,
      contact: f.email ?? f.phone ?? null,
      locality: f.localityId ? (localities.get(f.localityId) ?? null) : null,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return json({ pageTitle: fixedT(user.locale)('admin:families.title'), families, seesAll });
}

export default function FamiliesPage() {
  const { families, seesAll } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="stack">
      <h1>{t('families.title')}</h1>
      <p>{seesAll ? t('families.introAll') : t('families.introOwn')}</p>
      {families.length === 0 ? (
        <p className="muted">{t('families.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('families.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('families.name')}</th>
                <th scope="col">{t('families.locality')}</th>
                <th scope="col">{t('families.contact')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('families.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {families.map((family) => (
                <tr key={family.id}>
                  <td>{family.name}</td>
                  <td>{family.locality ?? '—'}</td>
                  <td>{family.contact ?? '—'}</td>
                  <td>
                    <Link to={`/families/${family.id}/password`}>
                      {t('families.newPassword')}
                      <span className="visually-hidden">: {family.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
