export default {
  title: 'Jury',
  errors: {
    competitionNotReady:
      'Jury rounds start once the competition has stopped taking applications (screening).',
    notDraft: 'This round has started; its set-up can no longer change.',
    notFound: 'This round does not exist.',
    notAJuror: "Only people with the juror role can be a round's jurors.",
  },
};
