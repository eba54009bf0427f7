import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  assignJurors,
  conflictKey,
  exclusionReason,
  replacementJuror,
  type AssignmentInput,
} from '~/services/assignment.server';

/** Random rounds: 0–60 applications in 1–4 localities, 1–9 jurors, some conflicts. */
const roundInput = fc
  .record({
    applicationCount: fc.integer({ min: 0, max: 60 }),
    jurorCount: fc.integer({ min: 1, max: 9 }),
    localityCount: fc.integer({ min: 1, max: 4 }),
    k: fc.integer({ min: 1, max: 4 }),
    excludeOwnLocality: fc.boolean(),
    seed: fc.integer(),
    conflictRate: fc.double({ min: 0, max: 0.4, noNaN: true }),
  })
  .map(
    ({
      applicationCount,
      jurorCount,
      localityCount,
      k,
      excludeOwnLocality,
      seed,
      conflictRate,
    }) => {
      // A small deterministic generator, so the same record always gives the same round.
      let state = seed >>> 0 || 1;
      const random = () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) / 4294967296;
      };
      const applications = Array.from({ length: applicationCount }, (_, i) => ({
        id: 1000 + i * 7,
        householdId: 500 + i,
        localityId: 1 + Math.floor(random() * localityCount),
      }));
      const jurors = Array.from({ length: jurorCount }, (_, j) => ({
        id: 10 + j * 3,
        localityId: random() < 0.3 ? null : 1 + Math.floor(random() * localityCount),
      }));
      const conflicts = new Set<string>();
      for (const application of applications) {
        for (const juror of jurors) {
          if (random() < conflictRate)
            conflicts.add(conflictKey(juror.id, application.householdId));
        }
      }
      return {
        applications,
        jurors,
        jurorsPerApplication: k,
        conflicts,
        excludeOwnLocality,
      } satisfies AssignmentInput;
    },
  );

describe('automatic assignment, over many random rounds', () => {
  test('when it succeeds: every application gets exactly k different jurors, loads differ by at most one, no rule is broken', () => {
    fc.assert(
      fc.property(roundInput, (input) => {
        const result = assignJurors(input);
        if (!result.ok) return;
        const byApplication = new Map<number, number[]>();
        for (const pair of result.pairs) {
          byApplication.set(pair.applicationId, [
            ...(byApplication.get(pair.applicationId) ?? []),
            pair.jurorId,
          ]);
        }
        for (const application of input.applications) {
          const jurors = byApplication.get(application.id) ?? [];
          expect(jurors).toHaveLength(input.jurorsPerApplication);
          expect(new Set(jurors).size).toBe(jurors.length);
          for (const jurorId of jurors) {
            const juror = input.jurors.find((j) => j.id === jurorId)!;
            expect(exclusionReason(application, juror, input)).toBeNull();
          }
        }
        const loads = [...result.loads.values()];
        if (loads.length > 0)
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(loads.reduce((s, n) => s + n, 0)).toBe(
          input.applications.length * input.jurorsPerApplication,
        );
      }),
      { numRuns: 400 },
    );
  });

  test('the same input gives the same assignment, whatever order it arrives in', () => {
    fc.assert(
      fc.property(roundInput, (input) => {
        const first = assignJurors(input);
        const shuffled = assignJurors({
          ...input,
          applications: [...input.applications].reverse(),
          jurors: [...input.jurors].reverse(),
        });
        expect(shuffled).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  test('it fails only when it must, and then says which applications lack jurors and why', () => {
    fc.assert(
      fc.property(roundInput, (input) => {
        const result = assignJurors(input);
        const eligibleCount = (appIndex: number) =>
          input.jurors.filter(
            (juror) => exclusionReason(input.applications[appIndex]!, juror, input) === null,
          ).length;
        const someApplicationShort = input.applications.some(
          (_, i) => eligibleCount(i) < input.jurorsPerApplication,
        );
        if (input.applications.length > 0 && input.jurors.length < input.jurorsPerApplication) {
          expect(result).toEqual({
            ok: false,
            problems: [
              {
                kind: 'not-enough-jurors',
                jurors: input.jurors.length,
                needed: input.jurorsPerApplication,
              },
            ],
          });
          return;
        }
        if (someApplicationShort) {
          expect(result.ok).toBe(false);
          if (result.ok) return;
          const short = input.applications.filter(
            (_, i) => eligibleCount(i) < input.jurorsPerApplication,
          );
          expect(
            result.problems.map((p) => (p.kind === 'too-few-jurors' ? p.applicationId : -1)),
          ).toEqual(short.map((a) => a.id));
          for (const problem of result.problems) {
            if (problem.kind !== 'too-few-jurors') continue;
            // Each juror not counted as eligible is named with her reason.
            expect(problem.eligibleJurors + problem.excluded.length).toBe(input.jurors.length);
          }
        }
        if (!result.ok && !someApplicationShort) {
          expect(result.problems.every((p) => p.kind === 'cannot-balance')).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('with no conflicts and no locality rule, it always succeeds', () => {
    fc.assert(
      fc.property(roundInput, (input) => {
        fc.pre(input.jurors.length >= input.jurorsPerApplication);
        const result = assignJurors({ ...input, conflicts: new Set(), excludeOwnLocality: false });
        expect(result.ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('assignment, by hand', () => {
  const applications = [
    { id: 1, householdId: 11, localityId: 1 },
    { id: 2, householdId: 12, localityId: 1 },
    { id: 3, householdId: 13, localityId: 2 },
  ];
  const jurors = [
    { id: 101, localityId: 1 },
    { id: 102, localityId: 2 },
    { id: 103, localityId: null },
  ];

  test('a juror is kept away from her own village and from a household she knows', () => {
    const result = assignJurors({
      applications,
      jurors,
      jurorsPerApplication: 1,
      conflicts: new Set([conflictKey(103, 13)]),
      excludeOwnLocality: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const juror = (applicationId: number) =>
      result.pairs.find((p) => p.applicationId === applicationId)!.jurorId;
    expect(juror(3)).toBe(101); // 102 lives there, 103 knows the household
    expect([102, 103]).toContain(juror(1));
    expect([102, 103]).toContain(juror(2));
    expect(juror(1)).not.toBe(juror(2)); // balanced: 1 + 1 + 1
  });

  test('an application nobody may score is named, with each juror and her reason', () => {
    const result = assignJurors({
      applications,
      jurors,
      jurorsPerApplication: 2,
      conflicts: new Set([conflictKey(103, 13)]),
      excludeOwnLocality: true,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          kind: 'too-few-jurors',
          applicationId: 3,
          eligibleJurors: 1,
          needed: 2,
          excluded: [
            { jurorId: 102, reason: 'own-locality' },
            { jurorId: 103, reason: 'conflict' },
          ],
        },
      ],
    });
  });

  test('when balance is impossible, the juror who cannot carry her share is named', () => {
    // Four applications, two jurors each → 8 slots for 4 jurors: 2 each. Juror 104 knows three
    // of the four households, so she can take only one.
    const four = [1, 2, 3, 4].map((i) => ({ id: i, householdId: 10 + i, localityId: 9 }));
    const result = assignJurors({
      applications: four,
      jurors: [101, 102, 103, 104].map((id) => ({ id, localityId: null })),
      jurorsPerApplication: 2,
      conflicts: new Set([conflictKey(104, 11), conflictKey(104, 12), conflictKey(104, 13)]),
      excludeOwnLocality: false,
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ kind: 'cannot-balance', jurorId: 104, eligibleApplications: 1, minimumLoad: 2 }],
    });
  });

  test('a juror who recuses is replaced by the eligible juror with the lightest load', () => {
    const application = { id: 1, householdId: 11, localityId: 1 };
    const candidates = [
      { id: 101, localityId: 1, load: 0 }, // own village
      { id: 102, localityId: 2, load: 5 },
      { id: 103, localityId: 2, load: 3 },
      { id: 104, localityId: 3, load: 3 },
      { id: 105, localityId: 3, load: 1 }, // already on it
    ];
    const rules = { conflicts: new Set([conflictKey(104, 11)]), excludeOwnLocality: true };
    expect(replacementJuror(application, candidates, new Set([105]), rules)).toBe(103);
    expect(replacementJuror(application, candidates, new Set([105, 103, 102]), rules)).toBeNull();
  });
});
