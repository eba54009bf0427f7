import type { AppTFunction, Locale } from '../app/i18n/config';

/** What a notice says, as blocks, so that its HTML and plain-text versions say the same thing. */
export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'code'; text: string }
  | { kind: 'note'; text: string };

export type EmailContent = { subject: string; blocks: EmailBlock[] };
export type RenderedEmail = { subject: string; html: string; text: string };

export type EmailTemplate<Params> = {
  /** Stored on the outbox row; names the notice, e.g. "password-reset". */
  name: string;
  compose: (t: AppTFunction, params: Params, locale: Locale) => EmailContent;
};

export function defineEmail<Params>(
  name: string,
  compose: EmailTemplate<Params>['compose'],
): EmailTemplate<Params> {
  return { name, compose };
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

export function renderEmail<Params>(
  template: EmailTemplate<Params>,
  params: Params,
  t: AppTFunction,
  locale: Locale,
): RenderedEmail {
  const { subject, blocks } = template.compose(t, params, locale);
  const footer = t('email:footer');
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head><body style="margin:0;padding:0;background:#f4f1ea;font-family:Arial,Helvetica,sans-serif;color:#1d1d1b"><div style="max-width:560px;margin:0 auto;padding:24px 16px"><p style="margin:0 0 24px;font-size:20px;font-weight:bold;color:#0b5d4b">Ishenim</p><div style="background:#fff;border-radius:8px;padding:24px">${blocks.map(blockToHtml).join('')}</div><p style="margin:16px 0 0;font-size:12px;color:#666">${escapeHtml(footer)}</p></div></body></html>`;
  const text = `${blocks.map(blockToText).join('\n\n')}\n\n--\n${footer}\n`;
  return { subject, html, text };
}
