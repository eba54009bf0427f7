import { useTranslation } from '~/i18n/react';
import type { ApplicationStatus, Relation, Sector, Sex } from '~/schemas/enums';

/** The words for the closed value sets every page shares, in the reader's language. */
export function useEnumLabels() {
  const { t } = useTranslation('common');
  return {
    sector: (sector: Sector) => t(`sectors.${sector}`),
    relation: (relation: Relation) => t(`relations.${relation}`),
    sex: (sex: Sex) => t(`sexes.${sex}`),
    applicationStatus: (status: ApplicationStatus) => t(`applicationStatuses.${status}`),
  };
}
