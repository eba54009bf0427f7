// Assigning jurors to applications (DESIGN.md, "Jury"): every application gets k jurors, loads
// differ by at most one, nobody scores a household she declared a conflict with (or, when the
// round says so, one from her own locality), and the same input always gives the same result.
//
// It is solved as a flow with lower bounds, so a balanced assignment is found whenever one
// exists — a greedy pass can paint itself into a corner that a flow never does.

export type AssignmentApplication = { id: number; householdId: number; localityId: number };
export type AssignmentJuror = { id: number; localityId: number | null };

export type AssignmentInput = {
  applications: AssignmentApplication[];
  jurors: AssignmentJuror[];
  jurorsPerApplication: number;
  /** "jurorId:householdId" pairs: the juror knows this household. */
  conflicts: Set<string>;
  excludeOwnLocality: boolean;
};

export type Exclusion = { jurorId: number; reason: 'conflict' | 'own-locality' };

export type AssignmentProblem =
  | {
      kind: 'too-few-jurors';
      applicationId: number;
      eligibleJurors: number;
      needed: number;
      excluded: Exclusion[];
    }
  | { kind: 'cannot-balance'; jurorId: number; eligibleApplications: number; minimumLoad: number }
  | { kind: 'not-enough-jurors'; jurors: number; needed: number };

export type AssignmentResult =
  | { ok: true; pairs: { applicationId: number; jurorId: number }[]; loads: Map<number, number> }
  | { ok: false; problems: AssignmentProblem[] };

export function conflictKey(jurorId: number, householdId: number): string {
  return `${jurorId}:${householdId}`;
}

/** Why a juror may not score an application, or null when she may. */
export function exclusionReason(
  application: AssignmentApplication,
  juror: AssignmentJuror,
  rules: Pick<AssignmentInput, 'conflicts' | 'excludeOwnLocality'>,
): Exclusion['reason'] | null {
  if (rules.conflicts.has(conflictKey(juror.id, application.householdId))) return 'conflict';
  if (
    rules.excludeOwnLocality &&
    juror.localityId !== null &&
    juror.localityId === application.localityId
  ) {
    return 'own-locality';
  }
  return null;
}

// ---- A small Dinic max-flow ----------------------------------------------------------------

class FlowNetwork {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly next: number[] = [];
  private level: Int32Array;
  private iterator: Int32Array;

  constructor(private readonly size: number) {
    this.head = new Array<number>(size).fill(-1);
    this.level = new Int32Array(size);
    this.iterator = new Int32Array(size);
  }

  /** Adds u→v with capacity c; returns the edge's index (its residual twin is index ^ 1). */
  addEdge(u: number, v: number, c: number): number {
    const index = this.to.length;
    this.to.push(v, u);
    this.capacity.push(c, 0);
    this.next.push(this.head[u]!, this.head[v]!);
    this.head[u] = index;
    this.head[v] = index + 1;
    return index;
  }

  flowOn(edge: number): number {
    return this.capacity[edge ^ 1]!;
  }

  private bfs(source: number, sink: number): boolean {
    this.level.fill(-1);
    const queue = [source];
    this.level[source] = 0;
    for (let i = 0; i < queue.length; i += 1) {
      const u = queue[i]!;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.capacity[e]! > 0 && this.level[v] === -1) {
          this.level[v] = this.level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return this.level[sink] !== -1;
  }

  private dfs(u: number, sink: number, pushed: number): number {
    if (u === sink) return pushed;
    for (; this.iterator[u] !== -1; this.iterator[u] = this.next[this.iterator[u]!]!) {
      const e = this.iterator[u]!;
      const v = this.to[e]!;
      if (this.capacity[e]! > 0 && this.level[v] === this.level[u]! + 1) {
        const flow = this.dfs(v, sink, Math.min(pushed, this.capacity[e]!));
        if (flow > 0) {
          // Edges come in pairs (2i, 2i + 1): an edge's residual twin is e ^ 1.
          this.capacity[e] = this.capacity[e]! - flow;
          this.capacity[e ^ 1] = this.capacity[e ^ 1]! + flow;
          return flow;
        }
      }
    }
    return 0;
  }

  maxFlow(source: number, sink: number): number {
    let total = 0;
    while (this.bfs(source, sink)) {
      for (let i = 0; i < this.size; i += 1) this.iterator[i] = this.head[i]!;
      for (
        let flow = this.dfs(source, sink, Infinity);
        flow > 0;
        flow = this.dfs(source, sink, Infinity)
      ) {
        total += flow;
      }
    }
    return total;
  }
}

// ---- The assignment ------------------------------------------------------------------------

/**
 * The jurors of one application, tried in a rotating order, so that early jurors are not always
 * the first choice; the rotation depends only on the input, which keeps the result repeatable.
 */
function rotated<T>(items: T[], by: number): T[] {
  if (items.length === 0) return items;
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

export function assignJurors(input: AssignmentInput): AssignmentResult {
  const k = input.jurorsPerApplication;
  const applications = [...input.applications].sort((a, b) => a.id - b.id);
  const jurors = [...input.jurors].sort((a, b) => a.id - b.id);
  if (applications.length === 0)
    return { ok: true, pairs: [], loads: new Map(jurors.map((j) => [j.id, 0])) };
  if (jurors.length < k)
    return {
      ok: false,
      problems: [{ kind: 'not-enough-jurors', jurors: jurors.length, needed: k }],
    };

  const eligible = applications.map((application) =>
    jurors.filter((juror) => exclusionReason(application, juror, input) === null),
  );
  const uncovered: AssignmentProblem[] = applications.flatMap((application, i) =>
    eligible[i]!.length >= k
      ? []
      : [
          {
            kind: 'too-few-jurors' as const,
            applicationId: application.id,
            eligibleJurors: eligible[i]!.length,
            needed: k,
            excluded: jurors.flatMap((juror) => {
              const reason = exclusionReason(application, juror, input);
              return reason ? [{ jurorId: juror.id, reason }] : [];
            }),
          },
        ],
  );
  if (uncovered.length > 0) return { ok: false, problems: uncovered };

  const total = applications.length * k;
  const low = Math.floor(total / jurors.length);
  const high = Math.ceil(total / jurors.length);

  // Nodes: S, T, S', T', applications, jurors. Lower bounds: every application exactly k,
  // every juror at least `low` — moved onto S'/T' as excesses (the standard construction).
  const S = 0;
  const T = 1;
  const superSource = 2;
  const superSink = 3;
  const appNode = (i: number) => 4 + i;
  const jurorNode = (j: number) => 4 + applications.length + j;
  const network = new FlowNetwork(4 + applications.length + jurors.length);
  const jurorIndex = new Map(jurors.map((juror, j) => [juror.id, j]));
  const pairEdges: { edge: number; applicationId: number; jurorId: number }[] = [];

  applications.forEach((application, i) => {
    network.addEdge(superSource, appNode(i), k);
    for (const juror of rotated(eligible[i]!, i)) {
      pairEdges.push({
        edge: network.addEdge(appNode(i), jurorNode(jurorIndex.get(juror.id)!), 1),
        applicationId: application.id,
        jurorId: juror.id,
      });
    }
  });
  jurors.forEach((_, j) => {
    if (high > low) network.addEdge(jurorNode(j), T, high - low);
    if (low > 0) network.addEdge(jurorNode(j), superSink, low);
  });
  network.addEdge(S, superSink, total);
  if (low > 0) network.addEdge(superSource, T, low * jurors.length);
  network.addEdge(T, S, total);

  const needed = total + low * jurors.length;
  if (network.maxFlow(superSource, superSink) < needed) {
    // Every application has enough jurors, so it is the balance that cannot be kept: some
    // jurors may score too few applications to carry an even share.
    const problems: AssignmentProblem[] = jurors
      .map((juror) => ({
        juror,
        count: applications.filter((_, i) => eligible[i]!.some((e) => e.id === juror.id)).length,
      }))
      .filter(({ count }) => count < low)
      .map(({ juror, count }) => ({
        kind: 'cannot-balance' as const,
        jurorId: juror.id,
        eligibleApplications: count,
        minimumLoad: low,
      }));
    return {
      ok: false,
      problems:
        problems.length > 0
          ? problems
          : jurors.map((juror) => ({
              kind: 'cannot-balance' as const,
              jurorId: juror.id,
              eligibleApplications: -1,
              minimumLoad: low,
            })),
    };
  }

  const pairs = pairEdges
    .filter(({ edge }) => network.flowOn(edge) === 1)
    .map(({ applicationId, jurorId }) => ({ applicationId, jurorId }))
    .sort((a, b) => a.applicationId - b.applicationId || a.jurorId - b.jurorId);
  const loads = new Map(jurors.map((juror) => [juror.id, 0]));
  for (const pair of pairs) loads.set(pair.jurorId, loads.get(pair.jurorId)! + 1);
  return { ok: true, pairs, loads };
}

/**
 * The juror who replaces one who recused: an eligible juror of the round, not already on this
 * application, with the lightest load; the lowest id breaks a tie (so the choice is repeatable).
 */
export function replacementJuror(
  application: AssignmentApplication,
  candidates: (AssignmentJuror & { load: number })[],
  alreadyAssigned: Set<number>,
  rules: Pick<AssignmentInput, 'conflicts' | 'excludeOwnLocality'>,
): number | null {
  const best = candidates
    .filter(
      (juror) =>
        !alreadyAssigned.has(juror.id) && exclusionReason(application, juror, rules) === null,
    )
    .sort((a, b) => a.load - b.load || a.id - b.id)[0];
  return best?.id ?? null;
}
