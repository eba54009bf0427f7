import {
  and,
  asc,
  eq,
  inArray,
  isNull,
  like,
  or,
  sql,
  type Column,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import { db, preparedOnce, type Tx } from '~db/client';
import {
  facilitatorLocalities,
  localities,
  userRoles,
  users,
  type Locale,
  type NewUser,
  type Role,
  type User,
} from '~db/schema/people';

type Reader = typeof db | Tx;

const userById = (reader: Reader, userId: number | Placeholder) =>
  reader.select().from(users).where(eq(users.id, userId));
const preparedUser = preparedOnce((c) => userById(c, sql.placeholder('userId')).prepare());

export function findUserById(userId: number, reader: Reader = db): User | undefined {
  return reader === db ? preparedUser().get({ userId }) : userById(reader, userId).get();
}

/** Finds an account by a normalised e-mail or phone number. */
export function findUserByIdentifier(
  identifier: { email: string } | { phone: string },
  reader: Reader = db,
): User | undefined {
  const where =
    'email' in identifier ? eq(users.email, identifier.email) : eq(users.phone, identifier.phone);
  return reader.select().from(users).where(where).get();
}

export function rolesOfUser(userId: number, reader: Reader = db): Role[] {
  const rows =
    reader === db
      ? rolesOf().all({ userId })
      : reader
          .select({ role: userRoles.role })
          .from(userRoles)
          .where(eq(userRoles.userId, userId))
          .all();
  return rows.map((r) => r.role);
}

// Every signed-in request reads them.
const rolesOf = preparedOnce((connection) =>
  connection
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, sql.placeholder('userId')))
    .prepare(),
);

export function insertUser(tx: Tx, values: NewUser): User {
  return tx.insert(users).values(values).returning().get();
}

export function updateUser(tx: Tx, userId: number, values: Partial<NewUser>): User {
  const updated = tx.update(users).set(values).where(eq(users.id, userId)).returning().get();
  if (!updated) throw new Error(`user ${userId} not found`);
  return updated;
}

export function replaceUserRoles(
  tx: Tx,
  userId: number,
  roles: readonly Role[],
  grantedById: number | null,
) {
  tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
  if (roles.length > 0) {
    tx.insert(userRoles)
      .values(roles.map((role) => ({ userId, role, grantedById })))
      .run();
  }
}

/** "In one of this facilitator's localities", as a condition on a locality column. */
export function inFacilitatorLocalities(localityColumn: Column, facilitatorId: number): SQL {
  return inArray(
    localityColumn,
    db
      .select({ id: facilitatorLocalities.localityId })
      .from(facilitatorLocalities)
      .where(eq(facilitatorLocalities.userId, facilitatorId)),
  );
}

export function facilitatorLocalityIds(userId: number, reader: Reader = db): number[] {
  return reader
    .select({ localityId: facilitatorLocalities.localityId })
    .from(facilitatorLocalities)
    .where(eq(facilitatorLocalities.userId, userId))
    .all()
    .map((r) => r.localityId);
}

export function replaceFacilitatorLocalities(
  tx: Tx,
  userId: number,
  localityIds: readonly number[],
) {
  tx.delete(facilitatorLocalities).where(eq(facilitatorLocalities.userId, userId)).run();
  if (localityIds.length > 0) {
    tx.insert(facilitatorLocalities)
      .values(localityIds.map((localityId) => ({ userId, localityId })))
      .run();
  }
}

/** The ids among `ids` that name no locality (a form may post any number). */
export function missingLocalityIds(ids: readonly number[], reader: Reader = db): number[] {
  if (ids.length === 0) return [];
  const found = new Set(
    reader
      .select({ id: localities.id })
      .from(localities)
      .where(inArray(localities.id, [...new Set(ids)]))
      .all()
      .map((row) => row.id),
  );
  return ids.filter((id) => !found.has(id));
}

export function listLocalities(reader: Reader = db) {
  return reader.select().from(localities).orderBy(asc(localities.code)).all();
}

export type UserListFilter = { search?: string; role?: Role; page: number; pageSize: number };

function userListWhere(filter: Pick<UserListFilter, 'search' | 'role'>) {
  const conditions = [];
  if (filter.search) {
    const pattern = `%${filter.search.trim().toLowerCase()}%`;
    conditions.push(
      or(
        sql`fold(${users.name}) like ${pattern}`,
        like(users.email, pattern),
        like(users.phone, pattern),
      ),
    );
  }
  if (filter.role) {
    conditions.push(
      inArray(
        users.id,
        db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, filter.role)),
      ),
    );
  }
  return conditions;
}

/** One batch of the list's rows in its order (name, id), with each account's roles. */
function userListRows(
  conditions: ReturnType<typeof userListWhere>,
  limit: number,
  from: { offset: number } | { after: { name: string; id: number } | null },
) {
  const where = [...conditions];
  if ('after' in from && from.after) {
    const { name, id } = from.after;
    where.push(
      or(sql`${users.name} > ${name}`, and(eq(users.name, name), sql`${users.id} > ${id}`)),
    );
  }
  const rows = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      disabledAt: users.disabledAt,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit)
    .offset('offset' in from ? from.offset : 0)
    .all();
  const roleRows = rows.length
    ? db
        .select()
        .from(userRoles)
        .where(
          inArray(
            userRoles.userId,
            rows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  return rows.map((row) => ({
    ...row,
    hasPassword: Boolean(row.hasPassword),
    roles: roleRows.filter((r) => r.userId === row.id).map((r) => r.role),
  }));
}

export type AdminUserRow = ReturnType<typeof userListRows>[number];

/** The admin's list of accounts; never returns password hashes. */
export function listUsersForAdmin(filter: UserListFilter) {
  const conditions = userListWhere(filter);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(where)
      .get()?.n ?? 0;
  return {
    total,
    users: userListRows(conditions, filter.pageSize, {
      offset: (filter.page - 1) * filter.pageSize,
    }),
  };
}

/** Every account the admin's list shows for these filters, read in keyset batches (exports). */
export function* allUsersForAdmin(
  filter: Pick<UserListFilter, 'search' | 'role'>,
  batchSize = 500,
): Generator<AdminUserRow> {
  const conditions = userListWhere(filter);
  let after: { name: string; id: number } | null = null;
  for (;;) {
    const batch = userListRows(conditions, batchSize, { after });
    yield* batch;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1]!;
    after = { name: last.name, id: last.id };
  }
}

/**
 * The families' accounts a helper sees (her villages, or all) that have not described their
 * household yet: the households list names them. Asked in SQL, with the households' unique index
 * on user_id; reading every family's account for these few was a third of the list's time.
 */
export function familiesWithoutHousehold(helper: { userId: number; seesAllLocalities: boolean }) {
  const localityScope = helper.seesAllLocalities
    ? undefined
    : inFacilitatorLocalities(users.localityId, helper.userId);
  return db
    .select({ id: users.id, name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'applicant')))
    .where(
      and(
        localityScope,
        isNull(users.disabledAt),
        sql`not exists (select 1 from households h where h.user_id = ${users.id})`,
      ),
    )
    .all();
}

export function setUserLocale(tx: Tx, userId: number, locale: Locale) {
  tx.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

export function countUsers(): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0
  );
}

/** Every account with this role that is not disabled (e.g. the staff told of a family's report). */
export function activeUsersWithRole(role: Role, reader: Reader = db): User[] {
  return reader
    .select({ user: users })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, role), isNull(users.disabledAt)))
    .orderBy(users.id)
    .all()
    .map((row) => row.user);
}
