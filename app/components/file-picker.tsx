import { useState, type ChangeEvent } from 'react';
import { useTranslation } from '~/i18n/react';
import { describedBy } from './form-fields';

type FilePickerProps = {
  id: string;
  name: string;
  accept?: string;
  /** Ids of the hint and error that describe the field. */
  alsoDescribedBy?: string;
  invalid?: boolean;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
};

/**
 * A file input whose button and "which file" line are in the page's language, not the
 * browser's ("Choose File / No file chosen"). The native input stays in the form, visually
 * hidden but focusable; a styled label opens it, so it works without JavaScript. Without
 * JavaScript the line says whether a file is chosen (the input is `required`, so CSS can tell);
 * with it, the line names the file. Forms using it set `noValidate` and check on the server.
 */
export function FilePicker({
  id,
  name,
  accept,
  alsoDescribedBy,
  invalid,
  onChange,
}: FilePickerProps) {
  const { t } = useTranslation('common');
  const [fileName, setFileName] = useState<string | null>(null);
  return (
    <div className="file-picker">
      <input
        id={id}
        type="file"
        name={name}
        accept={accept}
        required
        className="file-picker__input"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy(`${id}-chosen`, alsoDescribedBy)}
        onChange={(event) => {
          setFileName(event.currentTarget.files?.[0]?.name ?? null);
          onChange?.(event);
        }}
      />
      {/* The input's own label names the field; this one is only the visible button. */}
      <label
        htmlFor={id}
        className="button button--secondary file-picker__button"
        aria-hidden="true"
      >
        {t('filePicker.choose')}
      </label>
      <span id={`${id}-chosen`} className="file-picker__chosen" data-testid="file-picker-chosen">
        {fileName ? (
          t('filePicker.chosenName', { name: fileName })
        ) : (
          <>
            <span className="file-picker__none">{t('filePicker.none')}</span>
            <span className="file-picker__some">{t('filePicker.chosen')}</span>
          </>
        )}
      </span>
    </div>
  );
}
