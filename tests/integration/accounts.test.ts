import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { sessions } from '~db/schema/auth';
import { mailOutbox } from '~db/schema/mail';
import { users, type Role, type User } from '~db/schema/people';
import {
  changePassword,
  changeUserRoles,
  describePasswordLink,
  inviteUser,
  issueFamilyPassword,
  requestPasswordReset,
  RESET_LINK_VALID_MINUTES,
  setPasswordWithLink,
  setUserDisabled,
  signIn,
  signOut,
  signUp,
  updateAccountSettings,
  type SignUpInput,
} from '~/services/accounts.server';
import { createMailTransport, deliverDueMail } from '~/services/mail-delivery.server';
import {
  facilitatorLocalityIds,
  findUserById,
  rolesOfUser,
  updateUser,
} from '~/models/user.server';
import { getSessionUser, readSessionId, type SessionUser } from '~/utils/session.server';
import {
  browserRequest,
  cookieFromSetCookie,
  createLocality,
  createUser,
  TEST_PASSWORD,
} from '../support/factories';
import { resetDatabase } from '../support/reset-database';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-test-server';

beforeEach(resetDatabase);

const smtpServers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(smtpServers.splice(0).map((server) => server.close()));
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// ---------------------------------------------------------------------------------------------
// Helpers: a browser with a cookie, what the database says

async function sessionOf(cookie: string | null): Promise<SessionUser | null> {
  return getSessionUser(browserRequest(undefined, { cookie }));
}

/** Signs in with a password, as the sign-in form does; returns the browser's cookie. */
async function signInCookie(identifier: string, password = TEST_PASSWORD): Promise<string> {
  const result = await signIn(browserRequest(), { identifier, password });
  if (!result.ok) throw new Error(`sign-in of ${identifier} failed: ${result.error}`);
  return cookieFromSetCookie(result.setCookie);
}

/** A signed-in person of these roles, as the session the routes receive. */
async function signedIn(options: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(options);
  const cookie = await signInCookie(user.email ?? user.phone!);
  const sessionUser = (await sessionOf(cookie))!;
  return { user, cookie, sessionUser };
}

async function sessionIdOf(cookie: string) {
  return (await readSessionId(browserRequest(undefined, { cookie })))!;
}

function sessionRow(sessionId: string) {
  return db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
}

function outboxFor(userId: number) {
  return db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipientUserId, userId))
    .orderBy(asc(mailOutbox.id))
    .all();
}

function auditLines(action: string, entityId?: number) {
  return db
    .select()
    .from(auditLog)
    .where(
      entityId === undefined
        ? eq(auditLog.action, action)
        : and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))),
    )
    .all()
    .map((row) => ({
      ...row,
      before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
    }));
}

/** The token of the newest /set-password link e-mailed to this person. */
function linkTokenFor(userId: number): string {
  const mail = outboxFor(userId).at(-1);
  const match = /http:\/\/localhost:3999\/set-password\?token=([\w-]+)/.exec(mail?.text ?? '');
  if (!match) throw new Error(`no set-password link in ${mail?.text}`);
  return match[1]!;
}

function userRow(userId: number): User {
  return findUserById(userId)!;
}

async function canSignIn(identifier: string, password: string) {
  return (await signIn(browserRequest(undefined, { ip: '192.0.2.200' }), { identifier, password }))
    .ok;
}

function signUpInput(overrides: Partial<SignUpInput> = {}): SignUpInput {
  return {
    name: 'Айгүл Бекова',
    contact: '0555 123 456',
    password: 'a long family password',
    localityId: null,
    locale: 'ky',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------

describe('sign-up', () => {
  test('with a phone number typed the local way: stored as +996…, an applicant, signed in', async () => {
    const village = createLocality();
    const result = await signUp(
      browserRequest(),
      signUpInput({ contact: '0555 123 456', localityId: village.id }),
    );
    if (!result.ok) throw new Error(result.error);

    const user = userRow(result.userId);
    expect(user).toMatchObject({
      name: 'Айгүл Бекова',
      phone: '+996555123456',
      email: null,
      locale: 'ky',
      localityId: village.id,
      contactByPhone: true,
      contactByEmail: false,
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(rolesOfUser(user.id)).toEqual(['applicant']);

    const session = await sessionOf(cookieFromSetCookie(result.setCookie));
    expect(session?.user.id).toBe(user.id);
    expect(session?.roles).toEqual(['applicant']);

    const [line, ...more] = auditLines('user.signed-up', user.id);
    expect(more).toEqual([]);
    expect(line).toMatchObject({ actorUserId: user.id, entityType: 'user' });
    expect(line!.after).toMatchObject({
      phone: '+996555123456',
      roles: ['applicant'],
      name: 'Айгүл Бекова',
    });
    expect(JSON.stringify(line)).not.toContain('a long family password');

    // She can sign in again with her number written any way.
    expect(await canSignIn('+996 555 123 456', 'a long family password')).toBe(true);
  });

  test('with an e-mail address: stored lower-case, contact by e-mail', async () => {
    const result = await signUp(
      browserRequest(),
      signUpInput({ contact: '  Natalya.Family@Example.KG ', locale: 'ru' }),
    );
    if (!result.ok) throw new Error(result.error);
    expect(userRow(result.userId)).toMatchObject({
      email: 'natalya.family@example.kg',
      phone: null,
      locale: 'ru',
      contactByEmail: true,
      contactByPhone: false,
    });
    expect(await canSignIn('natalya.family@example.kg', 'a long family password')).toBe(true);
  });

  test('a contact already used is refused, however it is written; nothing is written', async () => {
    await createUser({ email: 'taken@example.kg', phone: '+996700111222' });
    const count = () => db.select().from(users).all().length;
    const before = count();

    for (const contact of ['0700 111 222', '+996 700 111 222', 'TAKEN@example.kg']) {
      expect(await signUp(browserRequest(), signUpInput({ contact }))).toEqual({
        ok: false,
        error: 'contact-taken',
      });
    }
    expect(count()).toBe(before);
    expect(auditLines('user.signed-up')).toEqual([]);
  });

  test('a contact that is neither e-mail nor phone is refused', async () => {
    expect(await signUp(browserRequest(), signUpInput({ contact: '12345' }))).toEqual({
      ok: false,
      error: 'contact-invalid',
    });
  });

  test('a cookie the browser already carried is retired', async () => {
    const { cookie } = await signedIn();
    const oldId = await sessionIdOf(cookie);
    const result = await signUp(browserRequest(undefined, { cookie }), signUpInput());
    expect(result.ok).toBe(true);
    expect(sessionRow(oldId)?.revokedReason).toBe('sign-out');
  });
});

describe('sign-in', () => {
  test('success starts a new session and retires the cookie the browser carried', async () => {
    const user = await createUser();
    const firstCookie = await signInCookie(user.email!);
    const firstId = await sessionIdOf(firstCookie);

    const result = await signIn(browserRequest(undefined, { cookie: firstCookie }), {
      identifier: user.email!,
      password: TEST_PASSWORD,
    });
    if (!result.ok) throw new Error(result.error);
    const newCookie = cookieFromSetCookie(result.setCookie);
    const newId = await sessionIdOf(newCookie);

    expect(newId).not.toBe(firstId);
    expect(newCookie).not.toBe(firstCookie);
    expect((await sessionOf(newCookie))?.user.id).toBe(user.id);
    expect(await sessionOf(firstCookie)).toBeNull();
    expect(sessionRow(firstId)?.revokedReason).toBe('sign-out');
    expect(userRow(user.id).lastSignInAt).toBeInstanceOf(Date);
    expect(auditLines('user.signed-in', user.id).length).toBe(2);
  });

  test('the cookie is HttpOnly and SameSite=Lax, and stores only a random token', async () => {
    const user = await createUser();
    const result = await signIn(browserRequest(), {
      identifier: user.email!,
      password: TEST_PASSWORD,
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.setCookie).toMatch(/HttpOnly/i);
    expect(result.setCookie).toMatch(/SameSite=Lax/i);
    // The database keeps only the hash of the token, never what the cookie holds.
    const sessionId = await sessionIdOf(cookieFromSetCookie(result.setCookie));
    expect(decodeURIComponent(result.setCookie)).not.toContain(sessionId);
  });

  test('wrong password, unknown account, disabled account and no password yet all answer "invalid"', async () => {
    const active = await createUser();
    const disabled = await createUser({ disabled: true });
    const invited = await createUser({ password: null });
    const sessionCount = () => db.select().from(sessions).all().length;

    const answers = [
      await signIn(browserRequest(), { identifier: active.email!, password: 'not it' }),
      await signIn(browserRequest(), { identifier: 'nobody@test.example', password: 'x' }),
      await signIn(browserRequest(), { identifier: '0555 999 888', password: 'x' }),
      await signIn(browserRequest(), { identifier: 'not even a contact', password: 'x' }),
      await signIn(browserRequest(), { identifier: disabled.email!, password: TEST_PASSWORD }),
      await signIn(browserRequest(), { identifier: invited.email!, password: '' }),
    ];
    for (const answer of answers) expect(answer).toEqual({ ok: false, error: 'invalid' });
    expect(sessionCount()).toBe(0);
  });
});

describe('sign-out', () => {
  test('revokes the session: the cookie no longer signs anyone in', async () => {
    const { user, cookie } = await signedIn();
    const request = browserRequest(undefined, { cookie });
    await signOut(request, await getSessionUser(request));
    expect(await sessionOf(cookie)).toBeNull();
    expect(sessionRow(await sessionIdOf(cookie))?.revokedReason).toBe('sign-out');
    expect(auditLines('user.signed-out', user.id)).toHaveLength(1);
  });

  test('only this browser is signed out', async () => {
    const { user, cookie } = await signedIn();
    const otherCookie = await signInCookie(user.email!);
    const request = browserRequest(undefined, { cookie });
    await signOut(request, await getSessionUser(request));
    expect((await sessionOf(otherCookie))?.user.id).toBe(user.id);
  });

  test('without a cookie there is nothing to do', async () => {
    await expect(signOut(browserRequest(), null)).resolves.toBeUndefined();
    expect(auditLines('user.signed-out')).toEqual([]);
  });
});

describe('password reset by e-mail', () => {
  test('writes exactly one notice, in her language, with a /set-password link', async () => {
    const user = await createUser({ locale: 'ru' });
    const answer = await requestPasswordReset(browserRequest(), user.email!.toUpperCase());
    expect(answer).toBeUndefined();

    const mails = outboxFor(user.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      locale: 'ru',
      template: 'password-reset',
      toAddress: user.email,
      status: 'pending',
      subject: 'Новый пароль для Ишеним',
    });
    expect(mails[0]!.text).toContain(`Здравствуйте, ${user.name}!`);
    expect(mails[0]!.text).toContain('http://localhost:3999/set-password?token=');
    expect(mails[0]!.text).toContain('60 минут');
    expect(mails[0]!.html).toContain('http://localhost:3999/set-password?token=');
    expect(auditLines('user.password-reset-requested', user.id)).toHaveLength(1);
  });

  test('the e-mail arrives over SMTP in her language, and the link in it works', async () => {
    const server = await startTestSmtpServer();
    smtpServers.push(server);
    const user = await createUser({ locale: 'ky' });
    await requestPasswordReset(browserRequest(), user.email!);
    await deliverDueMail({ transport: createMailTransport(server.url) });

    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.to).toEqual([user.email]);
    expect(mail.subject).toBe('Ишеним үчүн жаңы сырсөз');
    expect(mail.contentLanguage).toBe('ky');
    const link = /http:\/\/localhost:3999\/set-password\?token=[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token')!;
    expect(
      await setPasswordWithLink(browserRequest(), { token, password: 'from my inbox' }),
    ).toMatchObject({ ok: true });
    expect(await canSignIn(user.email!, 'from my inbox')).toBe(true);
  });

  test('an unknown or disabled address gets nothing, and the answer is the same', async () => {
    const disabled = await createUser({ disabled: true });
    const known = await createUser();
    const answers = [
      await requestPasswordReset(browserRequest(), 'nobody@test.example'),
      await requestPasswordReset(browserRequest(), disabled.email!),
      await requestPasswordReset(browserRequest(), known.email!),
    ];
    expect(answers).toEqual([undefined, undefined, undefined]);
    const all = db.select().from(mailOutbox).all();
    expect(all.map((m) => m.recipientUserId)).toEqual([known.id]);
    expect(auditLines('user.password-reset-requested').map((l) => l.entityId)).toEqual([
      String(known.id),
    ]);
  });

  test('the link shows whose it is, sets the password, signs in — and works only once', async () => {
    const user = await createUser();
    await requestPasswordReset(browserRequest(), user.email!);
    const token = linkTokenFor(user.id);

    expect(describePasswordLink(token)).toEqual({ purpose: 'reset', name: user.name });
    const result = await setPasswordWithLink(browserRequest(), {
      token,
      password: 'my new password',
    });
    if (!result.ok) throw new Error(result.error);
    expect((await sessionOf(cookieFromSetCookie(result.setCookie)))?.user.id).toBe(user.id);
    expect(await canSignIn(user.email!, 'my new password')).toBe(true);
    expect(await canSignIn(user.email!, TEST_PASSWORD)).toBe(false);

    expect(describePasswordLink(token)).toBeNull();
    expect(
      await setPasswordWithLink(browserRequest(), { token, password: 'someone else again' }),
    ).toEqual({ ok: false, error: 'link-invalid' });
    expect(await canSignIn(user.email!, 'my new password')).toBe(true);

    // She is told her password changed (the reset notice and then this one).
    expect(outboxFor(user.id).map((m) => m.template)).toEqual([
      'password-reset',
      'password-changed',
    ]);
    expect(auditLines('user.password-reset', user.id)).toHaveLength(1);
  });

  test(`the link stops working after ${RESET_LINK_VALID_MINUTES} minutes`, async () => {
    const user = await createUser();
    const sent = new Date('2024-05-01T06:00:00Z');
    await requestPasswordReset(browserRequest(), user.email!, sent);
    const token = linkTokenFor(user.id);

    const late = new Date(sent.getTime() + 61 * MINUTE);
    expect(describePasswordLink(token, late)).toBeNull();
    expect(
      await setPasswordWithLink(browserRequest(), { token, password: 'too late now' }, late),
    ).toEqual({ ok: false, error: 'link-invalid' });

    const inTime = new Date(sent.getTime() + 59 * MINUTE);
    expect(describePasswordLink(token, inTime)).toMatchObject({ purpose: 'reset' });
    expect(
      await setPasswordWithLink(browserRequest(), { token, password: 'just in time' }, inTime),
    ).toMatchObject({ ok: true });
  });

  test('a newer link replaces the older one', async () => {
    const user = await createUser();
    const first = new Date('2024-05-01T06:00:00Z');
    await requestPasswordReset(browserRequest(), user.email!, first);
    const older = linkTokenFor(user.id);
    const second = new Date(first.getTime() + 5 * MINUTE);
    await requestPasswordReset(browserRequest(), user.email!, second);
    const newer = linkTokenFor(user.id);
    expect(newer).not.toBe(older);

    const now = new Date(second.getTime() + MINUTE);
    expect(
      await setPasswordWithLink(browserRequest(), { token: older, password: 'older link' }, now),
    ).toEqual({ ok: false, error: 'link-invalid' });
    expect(
      await setPasswordWithLink(browserRequest(), { token: newer, password: 'newer link' }, now),
    ).toMatchObject({ ok: true });
  });

  test('at most three reset e-mails an hour, so nobody can flood a mailbox', async () => {
    const user = await createUser();
    const start = new Date('2024-05-01T06:00:00Z');
    for (let i = 0; i < 5; i += 1) {
      await requestPasswordReset(browserRequest(), user.email!, new Date(start.getTime() + i));
    }
    expect(outboxFor(user.id)).toHaveLength(3);
    await requestPasswordReset(
      browserRequest(),
      user.email!,
      new Date(start.getTime() + 61 * MINUTE),
    );
    expect(outboxFor(user.id)).toHaveLength(4);
  });

  test('setting the password signs out every browser she was signed in on', async () => {
    const user = await createUser();
    const phoneCookie = await signInCookie(user.email!);
    const laptopCookie = await signInCookie(user.email!);
    await requestPasswordReset(browserRequest(), user.email!);
    const result = await setPasswordWithLink(browserRequest(), {
      token: linkTokenFor(user.id),
      password: 'fresh start please',
    });
    if (!result.ok) throw new Error(result.error);
    expect(await sessionOf(phoneCookie)).toBeNull();
    expect(await sessionOf(laptopCookie)).toBeNull();
    expect(sessionRow(await sessionIdOf(phoneCookie))?.revokedReason).toBe('password-reset');
    expect((await sessionOf(cookieFromSetCookie(result.setCookie)))?.user.id).toBe(user.id);
  });
});

describe('changing one’s password', () => {
  test('the wrong current password is refused and nothing changes', async () => {
    const { user, cookie, sessionUser } = await signedIn();
    const result = await changePassword(browserRequest(undefined, { cookie }), sessionUser, {
      currentPassword: 'not my password',
      newPassword: 'a different one',
    });
    expect(result).toEqual({ ok: false, error: 'wrong-password' });
    expect(await sessionOf(cookie)).not.toBeNull();
    expect(await canSignIn(user.email!, TEST_PASSWORD)).toBe(true);
    expect(outboxFor(user.id)).toEqual([]);
  });

  test('success signs out the other browsers, keeps this one, and queues a notice', async () => {
    const { user, cookie, sessionUser } = await signedIn({ locale: 'ky' });
    const otherCookie = await signInCookie(user.email!);
    const result = await changePassword(browserRequest(undefined, { cookie }), sessionUser, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a different one',
    });
    if (!result.ok) throw new Error(result.error);

    expect(await sessionOf(otherCookie)).toBeNull();
    expect(sessionRow(await sessionIdOf(otherCookie))?.revokedReason).toBe('password-changed');
    // This browser continues on a fresh session id.
    const newCookie = cookieFromSetCookie(result.setCookie);
    expect((await sessionOf(newCookie))?.user.id).toBe(user.id);
    expect(await sessionOf(cookie)).toBeNull();

    expect(await canSignIn(user.email!, 'a different one')).toBe(true);
    expect(await canSignIn(user.email!, TEST_PASSWORD)).toBe(false);

    const mails = outboxFor(user.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: 'password-changed',
      locale: 'ky',
      subject: 'Ишенимдеги сырсөзүңүз алмашты',
    });
    expect(auditLines('user.password-changed', user.id)).toHaveLength(1);
  });
});

describe('invitations', () => {
  test('create an account without a password, with roles, localities and a mail in her language', async () => {
    const { user: admin, sessionUser } = await signedIn({ roles: ['admin'], name: 'Айгерим' });
    const [ivanovka, osh] = [createLocality(), createLocality()];
    const result = inviteUser(browserRequest(), sessionUser, {
      name: 'Гүлзат Токтогулова',
      email: ' Gulzat@Example.KG',
      locale: 'ru',
      roles: ['facilitator', 'juror'],
      localityIds: [ivanovka.id, osh.id],
    });
    if (!result.ok) throw new Error(result.error);

    const invited = userRow(result.userId);
    expect(invited).toMatchObject({
      name: 'Гүлзат Токтогулова',
      email: 'gulzat@example.kg',
      passwordHash: null,
      locale: 'ru',
      createdById: admin.id,
    });
    expect(rolesOfUser(invited.id).sort()).toEqual(['facilitator', 'juror']);
    expect(facilitatorLocalityIds(invited.id).sort()).toEqual([ivanovka.id, osh.id].sort());

    const mails = outboxFor(invited.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: 'invitation',
      locale: 'ru',
      toAddress: 'gulzat@example.kg',
      subject: 'Приглашение в Ишеним',
      status: 'pending',
    });
    expect(mails[0]!.text).toContain('Айгерим приглашает вас в Ишеним');
    expect(mails[0]!.text).toContain('Фасилитатор');
    expect(mails[0]!.text).toContain('Член жюри');
    expect(mails[0]!.text).toContain('7 дней');
    expect(mails[0]!.text).toContain('http://localhost:3999/set-password?token=');

    const [line] = auditLines('user.invited', invited.id);
    expect(line).toMatchObject({ actorUserId: admin.id });
    expect(line!.after).toMatchObject({
      roles: ['facilitator', 'juror'],
      email: 'gulzat@example.kg',
    });

    // Until she chooses a password, nothing signs her in.
    expect(await canSignIn('gulzat@example.kg', '')).toBe(false);
  });

  test('accepting the invitation sets her password and signs her in with her roles', async () => {
    const { sessionUser } = await signedIn({ roles: ['admin'] });
    const result = inviteUser(browserRequest(), sessionUser, {
      name: 'Алмаз',
      email: 'almaz@example.kg',
      locale: 'ky',
      roles: ['juror'],
      localityIds: [],
    });
    if (!result.ok) throw new Error(result.error);
    const token = linkTokenFor(result.userId);
    expect(describePasswordLink(token)).toEqual({ purpose: 'invite', name: 'Алмаз' });

    const accepted = await setPasswordWithLink(browserRequest(), {
      token,
      password: 'juror password',
    });
    if (!accepted.ok) throw new Error(accepted.error);
    const session = await sessionOf(cookieFromSetCookie(accepted.setCookie));
    expect(session?.user.id).toBe(result.userId);
    expect(session?.roles).toEqual(['juror']);
    expect(await canSignIn('almaz@example.kg', 'juror password')).toBe(true);
    expect(auditLines('user.invitation-accepted', result.userId)).toHaveLength(1);
    // An invitation is not a password change: no "your password was changed" notice.
    expect(outboxFor(result.userId).map((m) => m.template)).toEqual(['invitation']);
  });

  test('the invitation expires after 7 days', async () => {
    const { sessionUser } = await signedIn({ roles: ['admin'] });
    const result = inviteUser(browserRequest(), sessionUser, {
      name: 'Late',
      email: 'late@example.kg',
      locale: 'en',
      roles: ['staff'],
      localityIds: [],
    });
    if (!result.ok) throw new Error(result.error);
    const token = linkTokenFor(result.userId);
    const late = new Date(Date.now() + 7 * DAY + MINUTE);
    expect(
      await setPasswordWithLink(browserRequest(), { token, password: 'too late now' }, late),
    ).toEqual({ ok: false, error: 'link-invalid' });
  });

  test('an e-mail address already in use is refused, and nothing is written', async () => {
    const { sessionUser } = await signedIn({ roles: ['admin'] });
    await createUser({ email: 'taken@example.kg' });
    const mailsBefore = db.select().from(mailOutbox).all().length;
    expect(
      inviteUser(browserRequest(), sessionUser, {
        name: 'Twin',
        email: 'TAKEN@example.kg',
        locale: 'en',
        roles: ['staff'],
        localityIds: [],
      }),
    ).toEqual({ ok: false, error: 'email-taken' });
    expect(db.select().from(mailOutbox).all().length).toBe(mailsBefore);
    expect(auditLines('user.invited')).toEqual([]);
  });

  test('localities are kept only for facilitators', async () => {
    const { sessionUser } = await signedIn({ roles: ['admin'] });
    const village = createLocality();
    const result = inviteUser(browserRequest(), sessionUser, {
      name: 'Staff',
      email: 'staff@example.kg',
      locale: 'en',
      roles: ['staff'],
      localityIds: [village.id],
    });
    if (!result.ok) throw new Error(result.error);
    expect(facilitatorLocalityIds(result.userId)).toEqual([]);
  });
});

describe('changing roles', () => {
  test('saves the roles and writes the audit line with before and after', async () => {
    const { user: admin, sessionUser } = await signedIn({ roles: ['admin'] });
    const person = await createUser({ roles: ['applicant'] });
    expect(
      changeUserRoles(browserRequest(), sessionUser, person.id, {
        roles: ['staff', 'juror'],
        localityIds: [],
      }),
    ).toEqual({ ok: true });
    expect(rolesOfUser(person.id).sort()).toEqual(['juror', 'staff']);
    const [line] = auditLines('user.roles-changed', person.id);
    expect(line).toMatchObject({ actorUserId: admin.id });
    expect(line!.before).toEqual({ roles: ['applicant'], localityIds: [] });
    expect(line!.after).toEqual({ roles: ['juror', 'staff'], localityIds: [] });
  });

  test('an admin cannot take away her own admin role', async () => {
    const { user: admin, sessionUser } = await signedIn({ roles: ['admin', 'staff'] });
    expect(
      changeUserRoles(browserRequest(), sessionUser, admin.id, {
        roles: ['staff'],
        localityIds: [],
      }),
    ).toEqual({ ok: false, error: 'own-admin-role' });
    expect(rolesOfUser(admin.id).sort()).toEqual(['admin', 'staff']);
    expect(auditLines('user.roles-changed')).toEqual([]);

    // She may change her other roles, and another admin may take hers.
    expect(
      changeUserRoles(browserRequest(), sessionUser, admin.id, {
        roles: ['admin'],
        localityIds: [],
      }),
    ).toEqual({ ok: true });
    const other = await signedIn({ roles: ['admin'] });
    expect(
      changeUserRoles(browserRequest(), other.sessionUser, admin.id, {
        roles: ['staff'],
        localityIds: [],
      }),
    ).toEqual({ ok: true });
    expect(rolesOfUser(admin.id)).toEqual(['staff']);
  });

  test('a facilitator needs at least one locality; they are replaced and cleared with the role', async () => {
    const { user: admin, sessionUser } = await signedIn({ roles: ['admin'] });
    const person = await createUser({ roles: ['juror'] });
    const [a, b] = [createLocality(), createLocality()];

    expect(
      changeUserRoles(browserRequest(), sessionUser, person.id, {
        roles: ['facilitator'],
        localityIds: [],
      }),
    ).toEqual({ ok: false, error: 'facilitator-needs-locality' });
    expect(rolesOfUser(person.id)).toEqual(['juror']);

    changeUserRoles(browserRequest(), sessionUser, person.id, {
      roles: ['facilitator'],
      localityIds: [a.id, b.id],
    });
    expect(facilitatorLocalityIds(person.id).sort()).toEqual([a.id, b.id].sort());

    changeUserRoles(browserRequest(), sessionUser, person.id, {
      roles: ['staff'],
      localityIds: [a.id],
    });
    expect(facilitatorLocalityIds(person.id)).toEqual([]);
    const lines = auditLines('user.roles-changed', person.id);
    expect(lines.at(-1)!.before).toEqual({
      roles: ['facilitator'],
      localityIds: [a.id, b.id].sort((x, y) => x - y),
    });
    expect(lines.at(-1)).toMatchObject({ actorUserId: admin.id });
  });

  test('an unknown person is "not-found"', async () => {
    const { sessionUser } = await signedIn({ roles: ['admin'] });
    expect(
      changeUserRoles(browserRequest(), sessionUser, 999_999, {
        roles: ['staff'],
        localityIds: [],
      }),
    ).toEqual({ ok: false, error: 'not-found' });
  });
});

describe('disabling an account', () => {
  test('signs her out everywhere and she cannot sign in; enabling lets her back', async () => {
    const { user: admin, sessionUser } = await signedIn({ roles: ['admin'] });
    const { user, cookie } = await signedIn();
    expect(setUserDisabled(browserRequest(), sessionUser, user.id, true)).toEqual({ ok: true });

    expect(await sessionOf(cookie)).toBeNull();
    expect(sessionRow(await sessionIdOf(cookie))?.revokedReason).toBe('disabled');
    expect(
      await signIn(browserRequest(), { identifier: user.email!, password: TEST_PASSWORD }),
    ).toEqual({ ok: false, error: 'invalid' });
    const [line] = auditLines('user.disabled', user.id);
    expect(line).toMatchObject({
      actorUserId: admin.id,
      before: { disabled: false },
      after: { disabled: true },
    });

    expect(setUserDisabled(browserRequest(), sessionUser, user.id, false)).toEqual({ ok: true });
    expect(await canSignIn(user.email!, TEST_PASSWORD)).toBe(true);
    expect(auditLines('user.enabled', user.id)).toHaveLength(1);
  });

  test('an admin cannot disable herself', async () => {
    const { user: admin, cookie, sessionUser } = await signedIn({ roles: ['admin'] });
    expect(setUserDisabled(browserRequest(), sessionUser, admin.id, true)).toEqual({
      ok: false,
      error: 'self',
    });
    expect(userRow(admin.id).disabledAt).toBeNull();
    expect(await sessionOf(cookie)).not.toBeNull();
  });

  test('an unknown person is "not-found"', async () => {
    const { sessionUser } = await signedIn({ roles: ['admin'] });
    expect(setUserDisabled(browserRequest(), sessionUser, 999_999, true)).toEqual({
      ok: false,
      error: 'not-found',
    });
  });
});

describe('a new password for a family without e-mail', () => {
  let families = 0;
  /** A person who signs in with her phone number (no e-mail). */
  function familyIn(localityId: number | null, roles: Role[] = ['applicant']) {
    families += 1;
    return createUser({ roles, email: null, phone: `+996555${100_000 + families}`, localityId });
  }

  test('staff may give one to any family; it signs in, the old one does not, her sessions end', async () => {
    const { user: staff, sessionUser } = await signedIn({ roles: ['staff'] });
    const family = await familyIn(createLocality().id);
    const familyCookie = await signInCookie(family.phone!);

    const result = await issueFamilyPassword(browserRequest(), sessionUser, family.id);
    if (!result.ok) throw new Error(result.error);
    expect(result.name).toBe(family.name);
    expect(result.password).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);

    expect(await canSignIn(family.phone!, result.password)).toBe(true);
    expect(await canSignIn(family.phone!, TEST_PASSWORD)).toBe(false);
    expect(await sessionOf(familyCookie)).toBeNull();

    const lines = auditLines('user.password-issued-by-helper', family.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actorUserId: staff.id });
    // The password is never written down anywhere but on the family's paper.
    const everything = JSON.stringify([
      db.select().from(auditLog).all(),
      db.select().from(mailOutbox).all(),
    ]);
    expect(everything).not.toContain(result.password);
  });

  test('an admin may too', async () => {
    const { sessionUser } = await signedIn({ roles: ['admin'] });
    const family = await familyIn(null);
    expect(await issueFamilyPassword(browserRequest(), sessionUser, family.id)).toMatchObject({
      ok: true,
    });
  });

  test('a facilitator only for families living in her localities', async () => {
    const [mine, other] = [createLocality(), createLocality()];
    const { sessionUser } = await signedIn({ roles: ['facilitator'], worksIn: [mine.id] });
    const near = await familyIn(mine.id);
    const far = await familyIn(other.id);
    const nowhere = await familyIn(null);

    expect(await issueFamilyPassword(browserRequest(), sessionUser, near.id)).toMatchObject({
      ok: true,
    });
    for (const family of [far, nowhere]) {
      expect(await issueFamilyPassword(browserRequest(), sessionUser, family.id)).toEqual({
        ok: false,
        error: 'not-allowed',
      });
      expect(await canSignIn(family.phone!, TEST_PASSWORD)).toBe(true);
    }
    expect(auditLines('user.password-issued-by-helper').map((l) => l.entityId)).toEqual([
      String(near.id),
    ]);
  });

  test('never for a colleague, a disabled account, or by someone without the role', async () => {
    const village = createLocality();
    const staff = await signedIn({ roles: ['staff'] });
    const juror = await signedIn({ roles: ['juror'], localityId: village.id });
    const colleague = await familyIn(village.id, ['staff']);
    const adminColleague = await familyIn(village.id, ['admin']);
    const family = await familyIn(village.id);
    const disabledFamily = await familyIn(village.id);
    writeTransaction((tx) => updateUser(tx, disabledFamily.id, { disabledAt: new Date() }));

    const refusals = [
      await issueFamilyPassword(browserRequest(), staff.sessionUser, colleague.id),
      await issueFamilyPassword(browserRequest(), staff.sessionUser, adminColleague.id),
      await issueFamilyPassword(browserRequest(), staff.sessionUser, disabledFamily.id),
      await issueFamilyPassword(browserRequest(), staff.sessionUser, 999_999),
      await issueFamilyPassword(browserRequest(), juror.sessionUser, family.id),
    ];
    for (const refusal of refusals) expect(refusal).toEqual({ ok: false, error: 'not-allowed' });
    expect(await canSignIn(colleague.phone!, TEST_PASSWORD)).toBe(true);
  });
});

describe('account settings', () => {
  test('saves contact choices and the language, with before and after in the audit log', async () => {
    const { user, sessionUser } = await signedIn({ locale: 'ky', name: 'Мээрим' });
    expect(
      updateAccountSettings(browserRequest(), sessionUser, {
        name: 'Мээрим Алиева',
        locale: 'ru',
        phone: '0772 505 606',
        contactByEmail: false,
        contactByPhone: true,
        contactOnlyViaFacilitator: true,
      }),
    ).toEqual({ ok: true });

    expect(userRow(user.id)).toMatchObject({
      name: 'Мээрим Алиева',
      locale: 'ru',
      phone: '+996772505606',
      contactByEmail: false,
      contactByPhone: true,
      contactOnlyViaFacilitator: true,
    });
    const [line] = auditLines('user.settings-changed', user.id);
    expect(line).toMatchObject({ actorUserId: user.id });
    expect(line!.before).toMatchObject({
      name: 'Мээрим',
      locale: 'ky',
      phone: null,
      contactByEmail: true,
      contactOnlyViaFacilitator: false,
    });
    expect(line!.after).toMatchObject({
      name: 'Мээрим Алиева',
      locale: 'ru',
      phone: '+996772505606',
      contactByEmail: false,
      contactByPhone: true,
      contactOnlyViaFacilitator: true,
    });
    // The new number signs her in.
    expect(await canSignIn('0772 505 606', TEST_PASSWORD)).toBe(true);
  });

  test('a phone number someone else has is refused, and nothing changes', async () => {
    await createUser({ phone: '+996555000111' });
    const { user, sessionUser } = await signedIn();
    expect(
      updateAccountSettings(browserRequest(), sessionUser, {
        name: 'Someone',
        locale: 'en',
        phone: '0555 000 111',
        contactByEmail: true,
        contactByPhone: true,
        contactOnlyViaFacilitator: false,
      }),
    ).toEqual({ ok: false, field: 'phone', error: 'phone-taken' });
    expect(userRow(user.id)).toMatchObject({ phone: null, name: user.name });
    expect(auditLines('user.settings-changed')).toEqual([]);
  });

  test('keeping one’s own number is fine; a number that is not one is refused', async () => {
    const { user, sessionUser } = await signedIn({ phone: '+996555000222' });
    const settings = {
      name: user.name,
      locale: 'en' as const,
      contactByEmail: true,
      contactByPhone: false,
      contactOnlyViaFacilitator: false,
    };
    expect(
      updateAccountSettings(browserRequest(), sessionUser, { ...settings, phone: '0555 000 222' }),
    ).toEqual({ ok: true });
    expect(
      updateAccountSettings(browserRequest(), sessionUser, { ...settings, phone: '12' }),
    ).toEqual({ ok: false, field: 'phone', error: 'phone-invalid' });
  });

  test('a family that signs in with her phone cannot remove it', async () => {
    const family = await createUser({ email: null, phone: '+996555000333' });
    const cookie = await signInCookie('+996555000333');
    const sessionUser = (await sessionOf(cookie))!;
    expect(
      updateAccountSettings(browserRequest(), sessionUser, {
        name: family.name,
        locale: 'ky',
        phone: '',
        contactByEmail: false,
        contactByPhone: false,
        contactOnlyViaFacilitator: true,
      }),
    ).toEqual({ ok: false, field: 'phone', error: 'phone-invalid' });
    expect(userRow(family.id).phone).toBe('+996555000333');
  });

  test('e-mail contact cannot be switched on without an address', async () => {
    await createUser({ email: null, phone: '+996555000444' });
    const sessionUser = (await sessionOf(await signInCookie('0555 000 444')))!;
    updateAccountSettings(browserRequest(), sessionUser, {
      name: 'Family',
      locale: 'ky',
      phone: '0555 000 444',
      contactByEmail: true,
      contactByPhone: true,
      contactOnlyViaFacilitator: false,
    });
    expect(userRow(sessionUser.user.id)).toMatchObject({
      contactByEmail: false,
      contactByPhone: true,
    });
  });
});
