/** The round page's actions; each form posts one of these as `intent`. */
export const INTENT = {
  setJurors: 'set-jurors',
  assign: 'assign',
  move: 'move',
  open: 'open',
  remind: 'remind',
  close: 'close',
  reopen: 'reopen-score',
} as const;
