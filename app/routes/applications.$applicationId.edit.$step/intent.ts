/** The buttons of the step form; the action switches on them. */
export const INTENT = {
  save: 'save',
  next: 'next',
  back: 'back',
  addRow: 'add-row',
  /** Followed by ":<row index>", e.g. "remove-row:2". */
  removeRow: 'remove-row',
  upload: 'upload',
  removeFile: 'remove-file',
  submit: 'submit',
} as const;
