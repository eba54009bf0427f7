// Why the assignment, or moving one assignment, was refused — in words, with names, references
// and villages, so that staff know whom to call or what to change.
import { useTranslation } from '~/i18n/react';
import type {
  AssignRefusalView,
  AssignmentProblemView,
  MoveRefusalView,
} from '~/services/round-overview.server';

export function AssignRefusal({ refusal }: { refusal: AssignRefusalView }) {
  const { t } = useTranslation('rounds');
  return (
    <div className="alert alert--error" role="alert" id="assign-refusal">
      {refusal.kind === 'declarations-pending' ? (
        <>
          <p>{t('assign.refused.declarationsPending', { count: refusal.jurors.length })}</p>
          <ul>
            {refusal.jurors.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          <p>{t('assign.refused.declarationsPendingHint')}</p>
        </>
      ) : refusal.kind === 'constraints' ? (
        <>
          <p>{t('assign.refused.constraints')}</p>
          <ul className="problems">
            {refusal.problems.map((problem, index) => (
              <li key={index}>
                <Problem problem={problem} />
              </li>
            ))}
          </ul>
          <p>{t('assign.refused.constraintsHint')}</p>
        </>
      ) : (
        <p>{t(`assign.refused.${refusal.kind}`)}</p>
      )}
    </div>
  );
}

function Problem({ problem }: { problem: AssignmentProblemView }) {
  const { t } = useTranslation('rounds');
  switch (problem.kind) {
    case 'not-enough-jurors':
      return (
        <p>
          {t('assign.problem.notEnoughJurors', { count: problem.jurors, needed: problem.needed })}
        </p>
      );
    case 'too-few-jurors':
      return (
        <>
          <p>
            <strong>
              {problem.reference}
              {problem.village ? ` (${problem.village})` : ''}
            </strong>
            {': '}
            {t('assign.problem.tooFewJurors', {
              count: problem.eligible,
              needed: problem.needed,
            })}
          </p>
          {problem.excluded.length > 0 ? (
            <ul>
              {problem.excluded.map((e) => (
                <li key={e.name}>
                  {t(`assign.problem.excluded.${e.reason}`, {
                    name: e.name,
                    village: problem.village,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      );
    case 'cannot-balance':
      return (
        <p>
          {t('assign.problem.cannotBalance', {
            name: problem.juror,
            count: problem.eligibleApplications,
            minimum: problem.minimumLoad,
          })}
        </p>
      );
    case 'cannot-balance-overall':
      return <p>{t('assign.problem.cannotBalanceOverall', { minimum: problem.minimumLoad })}</p>;
  }
}

export function MoveRefusal({ refusal }: { refusal: MoveRefusalView }) {
  const { t } = useTranslation('rounds');
  return (
    <div className="alert alert--error" role="alert">
      <p>
        {t(`move.refused.${refusal.reason}`, {
          name: refusal.juror,
          reference: refusal.reference,
          village: refusal.village,
        })}
      </p>
    </div>
  );
}
