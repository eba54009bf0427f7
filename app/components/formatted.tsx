import type { FormattedInstant } from '~/i18n/format';

/** A date and time formatted by the server (see formattedInstant), with its ISO time. */
export function FormattedDateTime({ value }: { value: FormattedInstant }) {
  return <time dateTime={value.iso}>{value.text}</time>;
}
