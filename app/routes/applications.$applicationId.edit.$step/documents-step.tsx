import type { SerializeFrom } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from '~/i18n/react';
import { FilePicker } from '~/components/file-picker';
import { FormAlert, useErrorText } from '~/components/form-fields';
import type { FormFailure } from '~/components/use-validated-form';
import { ATTACHMENT_KINDS } from '~/schemas/enums';
import { INTENT } from './intent';
import type { stepData } from './queries.server';

type Data = Extract<SerializeFrom<ReturnType<typeof stepData>>, { step: 'documents' }>;

const ACCEPT = 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf';

/**
 * Photos and price quotes, uploaded one at a time with a native multipart form. With
 * JavaScript a file that is too large is caught before it is sent over a slow connection.
 */
export function DocumentsStep({
  data,
  applicationId,
  notice,
}: {
  data: Data;
  applicationId: number;
  notice: string | null;
}) {
  const failure = useActionData<FormFailure>();
  const { t } = useTranslation('applications');
  const errorText = useErrorText();
  const [tooLarge, setTooLarge] = useState(false);
  const fileError = errorText(
    tooLarge ? 'applications:errors.tooLarge' : failure?.fieldErrors?.file,
  );
  const full = data.attachments.length >= data.maxFiles;
  const onFileChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    setTooLarge(Boolean(file && file.size > data.maxBytes));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (tooLarge) event.preventDefault();
  };
  return (
    <div className="stack">
      <p>{t('documents.intro')}</p>
      <p className="muted">{t('documents.rules', { max: data.maxFiles })}</p>
      {notice === 'uploaded' || notice === 'removed' ? (
        <div className="alert alert--success" role="status">
          <p>{notice === 'uploaded' ? t('documents.uploaded') : t('documents.removed')}</p>
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      <section className="card" aria-labelledby="files-title">
        <h2 id="files-title">{t('documents.listTitle')}</h2>
        <p>{t('documents.count', { count: data.attachments.length, max: data.maxFiles })}</p>
        {data.attachments.length === 0 ? (
          <p className="muted">{t('documents.none')}</p>
        ) : (
          <ul className="plain-list file-rows">
            {data.attachments.map((file) => (
              <li key={file.id} className="file-row">
                <span>
                  <a href={`/applications/${applicationId}/attachments/${file.id}`}>
                    {file.originalName}
                  </a>{' '}
                  <span className="muted small">
                    ({t(`attachmentKinds.${file.kind}`)},{' '}
                    {t('summary.size', { size: Math.max(1, Math.round(file.sizeBytes / 1024)) })})
                  </span>
                </span>
                <Form method="post">
                  <input type="hidden" name="attachmentId" value={file.id} />
                  <button
                    type="submit"
                    name="intent"
                    value={INTENT.removeFile}
                    className="button button--secondary button--small"
                  >
                    {t('documents.remove', { name: file.originalName })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      {full ? (
        <p className="alert alert--info">{t('documents.full', { max: data.maxFiles })}</p>
      ) : (
        <Form
          key={data.attachments.length}
          method="post"
          encType="multipart/form-data"
          className="form card"
          onSubmit={onSubmit}
          noValidate
        >
          <div className="field">
            <label htmlFor="field-kind">{t('documents.kind')}</label>
            <select id="field-kind" name="kind" defaultValue="photo">
              {ATTACHMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`attachmentKinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="field-file">{t('documents.file')}</label>
            <FilePicker
              id="field-file"
              name="file"
              accept={ACCEPT}
              onChange={onFileChange}
              invalid={Boolean(fileError)}
              alsoDescribedBy={fileError ? 'field-file-error' : undefined}
            />
            {fileError ? (
              <p id="field-file-error" className="field__error" role="alert">
                {fileError}
              </p>
            ) : null}
          </div>
          <button type="submit" name="intent" value={INTENT.upload} className="button">
            {t('documents.upload')}
          </button>
        </Form>
      )}
      <div className="step-buttons">
        <Link to={`/applications/${applicationId}/edit/review`} className="button">
          {t('steps.continue')}
        </Link>
        <Link to={`/applications/${applicationId}/edit/plan`} className="button button--secondary">
          <span aria-hidden="true">←</span> {t('steps.back')}
        </Link>
      </div>
    </div>
  );
}
