// What the seeded fuzzes of the portal's routes share (malformed-forms, malformed-queries): the
// build's routes and who they serve, a world of their own to aim at (a family, a competition, a
// round, a person of each role), the addresses a route pattern stands for, sessions per person,
// and a random sequence that is the same on every run.
import path from 'node:path';
import url from 'node:url';
import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import type { ServerBuild } from '@remix-run/node';
import type { User } from '~db/schema/people';
import { APPLICATION_STEPS } from '~/schemas/application';
import {
  PERMISSIONS,
  ROLES,
  type Permission,
  type Role,
  type RouteAccess,
} from '~/utils/permissions';
import { createLocality, createUser } from '../../support/factories';
import { roundWithJurors, sessionCookieFor } from '../../support/jury-factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../../support/programme-factories';
import { uniquePrefix } from './application-journey';

export const MISSING_ID = '99999999';

/** mulberry32: the same sequence of requests on every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of `list`, drawn with `random`. */
export const pickWith =
  (random: () => number) =>
  <T>(list: readonly T[]): T =>
    list[Math.floor(random() * list.length)]!;

export type BuildRoute = { id: string; pattern: string; access: RouteAccess['access'] };

/** Every route of the build but the root, with its full pattern ("/staff/rounds/:roundId"). */
export async function buildRouteTable() {
  const buildUrl = url.pathToFileURL(path.resolve('build/index.js')).href;
  const build = (await import(buildUrl)) as ServerBuild;
  const fullPath = (id: string): string => {
    const route = build.routes[id]!;
    const parent = route.parentId ? fullPath(route.parentId) : '';
    return [parent, route.path ?? ''].filter(Boolean).join('/');
  };
  return Object.values(build.routes)
    .filter((route) => route.id !== 'root')
    .map((route) => ({ id: route.id, pattern: `/${fullPath(route.id)}`, module: route.module }));
}

/** The build's routes that export `exported` (an action, a loader), with their full patterns. */
export async function buildRoutes(exported: 'action' | 'loader'): Promise<BuildRoute[]> {
  return (await buildRouteTable())
    .filter((route) => typeof route.module[exported] === 'function')
    .map((route) => ({
      id: route.id,
      pattern: route.pattern,
      access: (route.module.handle as RouteAccess | undefined)?.access ?? 'public',
    }));
}

/** A person of each role, the rows the fuzz aims at, and the addresses of a route pattern. */
export async function fuzzWorld() {
  const locality = createLocality();
  const users = {} as Record<Role, User>;
  for (const role of ROLES) {
    users[role] = await createUser({
      roles: [role],
      localityId: locality.id,
      worksIn: role === 'facilitator' ? [locality.id] : undefined,
    });
  }
  const victim = await createUser({ roles: ['applicant'], localityId: locality.id });
  const { household, members } = createHousehold({
    localityId: locality.id,
    user: users.applicant,
  });
  const competition = createCompetition({
    localityIds: [locality.id],
    referencePrefix: uniquePrefix(),
  });
  const application = createApplication({
    competition,
    household,
    members,
    enteredBy: users.applicant,
  });
  const judged = createCompetition({
    localityIds: [locality.id],
    referencePrefix: uniquePrefix(),
    status: 'judging',
    closesAt: new Date(Date.now() - 60_000),
  });
  const roundId = roundWithJurors({
    staff: users.staff,
    competition: judged,
    jurors: [users.juror],
  });

  const paramValues: Record<string, string[]> = {
    applicationId: [String(application.id), MISSING_ID],
    step: [...APPLICATION_STEPS, 'nope'],
    competitionId: [String(competition.id), String(judged.id), MISSING_ID],
    roundId: [String(roundId), MISSING_ID],
    userId: [String(victim.id), MISSING_ID],
    householdId: [String(household.id), MISSING_ID],
    lng: ['en'],
  };
  /** Every address `pattern` stands for, with the world's ids and one that does not exist. */
  const urlsOf = (pattern: string): string[] => {
    let urls = [pattern];
    for (const [, name] of pattern.matchAll(/:(\w+)/g)) {
      const values = paramValues[name!] ?? [MISSING_ID];
      urls = urls.flatMap((u) => values.map((v) => u.replace(`:${name}`, v)));
    }
    return urls.map((u) => u.replace(/\/+$/, '') || '/');
  };
  /** A visitor, then a person of each role the route serves. */
  const identitiesOf = (route: BuildRoute): (User | null)[] => {
    const allowed: readonly Role[] =
      route.access === 'public' ? ['applicant'] : PERMISSIONS[route.access as Permission];
    return [null, ...ROLES.filter((r) => allowed.includes(r)).map((r) => users[r])];
  };
  /** Every (address, person) pair of the routes: each address as each person it serves. */
  const pairsOf = (routes: BuildRoute[]) =>
    routes.flatMap((route) =>
      urlsOf(route.pattern).flatMap((target) =>
        identitiesOf(route).map((identity) => ({ route, target, identity })),
      ),
    );
  return { locality, users, pairsOf };
}

/** Request contexts signed in as a person (or a visitor), never following redirects. */
export function sessions(playwright: PlaywrightWorkerArgs['playwright'], baseURL?: string) {
  const contexts: APIRequestContext[] = [];
  return {
    async contextFor(user: User | null) {
      const context = await playwright.request.newContext({
        baseURL,
        maxRedirects: 0,
        extraHTTPHeaders: user ? { Cookie: await sessionCookieFor(user) } : {},
      });
      contexts.push(context);
      return context;
    },
    async disposeAll() {
      for (const context of contexts) await context.dispose().catch(() => undefined);
    },
  };
}

/** "200: 512, 302: 40, …": how many answers of each status. */
export function statusSummary(byStatus: Map<number, number>): string {
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
}
