import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormattedDateTime } from '~/components/formatted';
import { MailStatusBadge } from '~/components/mail-status';
import { HTML_LANG, LOCALE_NATIVE_NAMES } from '~/i18n/config';
import { formattedInstant } from '~/i18n/format';
import { findOutboxMail } from '~/models/outbox.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outbox:read' };
export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outbox:read');
  const mailId = Number(params.mailId);
  const mail = Number.isInteger(mailId) ? findOutboxMail(mailId) : undefined;
  if (!mail) throw new Response('Not Found', { status: 404 });
  return json({
    pageTitle: mail.subject,
    // The plain-text version only: showing the HTML would need it sandboxed, and says the same.
    mail: {
      id: mail.id,
      toName: mail.toName,
      toAddress: mail.toAddress,
      locale: mail.locale,
      template: mail.template,
      subject: mail.subject,
      // Single-use links (reset, invitation) would let a reader take over the account.
      text: mail.text.replace(/token=[\w-]+/g, 'token=…'),
      status: mail.status,
      withheldReason: mail.withheldReason,
      attempts: mail.attempts,
      lastError: mail.lastError,
      createdAt: formattedInstant(mail.createdAt, user.locale),
      sentAt: mail.sentAt ? formattedInstant(mail.sentAt, user.locale) : null,
      nextAttemptAt: formattedInstant(mail.nextAttemptAt, user.locale),
      notBefore: mail.notBefore ? formattedInstant(mail.notBefore, user.locale) : null,
      attachments: (mail.attachments ?? []).map((a) => a.filename),
      messageId: mail.messageId,
    },
  });
}

export default function OutboxMailPage() {
  const { mail } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="stack">
      <p>
        <Link to="/staff/outbox">← {t('outbox.title')}</Link>
      </p>
      <h1>{mail.subject}</h1>
      <dl className="details">
        <dt>{t('outbox.to')}</dt>
        <dd>
          {mail.toName} {mail.toAddress ? `<${mail.toAddress}>` : ''}
        </dd>
        <dt>{t('outbox.statusFilter')}</dt>
        <dd>
          <MailStatusBadge status={mail.status} />
          {mail.withheldReason ? ` ${t(`outbox.withheld.${mail.withheldReason}`)}` : null}
        </dd>
        <dt>{t('outbox.language')}</dt>
        <dd>{LOCALE_NATIVE_NAMES[mail.locale]}</dd>
        <dt>{t('outbox.template')}</dt>
        <dd>
          <code>{mail.template}</code>
        </dd>
        <dt>{t('outbox.created')}</dt>
        <dd>
          <FormattedDateTime value={mail.createdAt} />
        </dd>
        {mail.sentAt ? (
          <>
            <dt>{t('outbox.sent')}</dt>
            <dd>
              <FormattedDateTime value={mail.sentAt} />
            </dd>
          </>
        ) : null}
        {mail.notBefore ? (
          <>
            <dt>{t('outbox.notBefore')}</dt>
            <dd>
              <FormattedDateTime value={mail.notBefore} />
            </dd>
          </>
        ) : null}
        {mail.attachments.length > 0 ? (
          <>
            <dt>{t('outbox.attachments')}</dt>
            <dd>{mail.attachments.join(', ')}</dd>
          </>
        ) : null}
        {mail.status === 'pending' && mail.attempts > 0 ? (
          <>
            <dt>{t('outbox.nextAttempt')}</dt>
            <dd>
              <FormattedDateTime value={mail.nextAttemptAt} />
            </dd>
          </>
        ) : null}
        <dt>{t('outbox.attempts')}</dt>
        <dd>{mail.attempts}</dd>
        {mail.lastError ? (
          <>
            <dt>{t('outbox.lastError')}</dt>
            <dd>
              <code>{mail.lastError}</code>
            </dd>
          </>
        ) : null}
        <dt>Message-ID</dt>
        <dd>
          <code>{mail.messageId}</code>
        </dd>
      </dl>
      <h2>{t('outbox.text')}</h2>
      <pre className="mail-text" lang={HTML_LANG[mail.locale]}>
        {mail.text}
      </pre>
    </div>
  );
}
