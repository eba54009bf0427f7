import { HTML_LANG, type AppTFunction, type Locale } from '../app/i18n/config';
import { formatDateTime } from '../app/i18n/format';
import { dateTimeFormat } from '../app/i18n/intl-cache';

/** What a notice says, as blocks, so that its HTML and plain-text versions say the same thing. */
export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'code'; text: string }
  | { kind: 'note'; text: string };

/**
 * "account" notices are the ones a person needs to get into her own account (a reset link she
 * asked for, an invitation, a welcome): they name no programme facts and go to her address
 * whatever she chose. "programme" notices (results, screening, jury, later bookings, payments,
 * visits) respect her safe-contact choice and never show on a lock screen what they are about.
 */
export type NoticeKind = 'account' | 'programme';

/**
 * A programme notice gives no subject of its own: the layout writes the neutral one, with the
 * reference she can quote (if any). An account notice writes its own short subject.
 */
export type EmailContent =
  | { kind?: 'programme'; reference?: string; blocks: EmailBlock[] }
  | { kind?: 'account'; subject: string; blocks: EmailBlock[] };
export type RenderedEmail = { subject: string; preview: string; html: string; text: string };

export type EmailTemplate<Params> = {
  /** Stored on the outbox row; names the notice, e.g. "password-reset". */
  name: string;
  kind: NoticeKind;
  /**
   * Params that must never show on a lock screen (amount, competition title, idea, reasons): the
   * layout refuses to render them in the subject, the preview or the first lines.
   */
  sensitive: readonly (keyof Params)[];
  /**
   * Written to someone other than the family (staff, a facilitator, a consultant) about one
   * family, naming her or her application: the outbox row must carry her household, so that
   * anonymising her scrubs it (queueNotice refuses it without).
   */
  namesFamily?: boolean;
  compose: (t: AppTFunction, params: Params, locale: Locale) => EmailContent;
};

export function defineEmail<Params>(
  definition: Omit<EmailTemplate<Params>, 'sensitive'> & {
    sensitive?: readonly (keyof Params)[];
  },
): EmailTemplate<Params> {
  return { sensitive: [], ...definition };
}

/** How many characters of the plain text a phone may show before she opens the message. */
export const LOCK_SCREEN_CHARS = 200;

/** A time in a notice always carries its zone: "18:00, Бишкек убактысы"; "18:00 (Bishkek time)". */
export function formatNoticeTime(
  t: AppTFunction,
  instant: Date | number,
  locale: Locale,
  timeZone: string,
): string {
  const time = formatDateTime(instant, locale, timeZone);
  const city = timeZone.split('/').pop()!.toLowerCase();
  const known = t(`email:zones.${city}`, { defaultValue: '' });
  const zone =
    known ||
    dateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')!.value;
  return t('email:timeInZone', { time, zone });
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function blockToHtml(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(block.text)}</p>`;
    case 'note':
      return `<p style="margin:0 0 16px;line-height:1.5;color:#555;font-size:14px">${escapeHtml(block.text)}</p>`;
    case 'code':
      return `<p style="margin:0 0 16px;font-size:20px;font-family:monospace;letter-spacing:2px"><strong>${escapeHtml(block.text)}</strong></p>`;
    case 'button':
      return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;background:#0b5d4b;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(block.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#555;word-break:break-all">${escapeHtml(block.url)}</p>`;
  }
}

function blockToText(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
    case 'code':
      return block.text;
    case 'button':
      return `${block.label}:\n${block.url}`;
  }
}

/** Pads the hidden preview so a mail app does not fill the rest of the line from the body. */
const PREVIEW_PADDING = '&#847;&zwnj;&nbsp;'.repeat(90);

/**
 * Renders a notice. For a programme notice this is the one place that keeps it safe to glance
 * at: a neutral subject, a neutral hidden preview, a neutral opening before any detail, and a
 * neutral footer; and it refuses to put a sensitive param where a lock screen shows it.
 */
export function renderEmail<Params>(
  template: EmailTemplate<Params>,
  params: Params,
  t: AppTFunction,
  locale: Locale,
): RenderedEmail {
  const content = template.compose(t, params, locale);
  const brand = t('email:brand');
  let subject: string;
  let preview: string;
  let opening: EmailBlock[] = [];
  if (template.kind === 'programme') {
    const reference = 'reference' in content ? content.reference : undefined;
    subject = reference
      ? t('email:notice.subject', { reference })
      : t('email:notice.subjectNoReference');
    preview = t('email:notice.preview');
    opening = [{ kind: 'note', text: t('email:notice.opening') }];
  } else {
    subject = (content as { subject: string }).subject;
    preview = subject;
  }
  // Every notice opens with its greeting; the neutral opening comes after it, before any detail.
  const [greeting, ...details] = content.blocks;
  const blocks = greeting ? [greeting, ...opening, ...details] : opening;
  const footer = t('email:footer');
  const html = `<!doctype html><html lang="${HTML_LANG[locale]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head><body style="margin:0;padding:0;background:#f4f1ea;font-family:Arial,Helvetica,sans-serif;color:#1d1d1b"><div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all">${escapeHtml(preview)}${PREVIEW_PADDING}</div><div style="max-width:560px;margin:0 auto;padding:24px 16px"><p style="margin:0 0 24px;font-size:20px;font-weight:bold;color:#0b5d4b">${escapeHtml(brand)}</p><div style="background:#fff;border-radius:8px;padding:24px">${blocks.map(blockToHtml).join('')}</div><p style="margin:16px 0 0;font-size:12px;color:#666">${escapeHtml(footer)}</p></div></body></html>`;
  // A text mail shows its first lines as the preview: the neutral preview line comes first.
  const text = `${preview}\n\n${blocks.map(blockToText).join('\n\n')}\n\n-- \n${footer}\n`;
  // What the template itself wrote and a lock screen may show: an account notice's subject, and
  // the start of the details when the neutral lines before them are short.
  const detailsAt = text.indexOf(details.map(blockToText).join('\n\n'));
  const exposed = [
    template.kind === 'account' ? subject : '',
    details.length > 0 ? text.slice(detailsAt, Math.max(detailsAt, LOCK_SCREEN_CHARS)) : '',
  ].join('\n');
  assertLockScreenSafe(template, params, exposed);
  return { subject, preview, html, text };
}

function assertLockScreenSafe<Params>(
  template: EmailTemplate<Params>,
  params: Params,
  exposed: string,
) {
  for (const key of template.sensitive) {
    const value = String(params[key] ?? '').trim();
    if (value.length >= 2 && exposed.includes(value)) {
      throw new Error(
        `Notice "${template.name}" would show its ${String(key)} before it is opened; keep it below the opening.`,
      );
    }
  }
}
