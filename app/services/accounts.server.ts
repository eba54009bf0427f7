import { writeTransaction } from '~db/client';
import type { Locale, Role, User } from '~db/schema/people';
import { invitationEmail } from '~emails/invitation';
import { passwordChangedEmail } from '~emails/password-changed';
import { passwordResetEmail } from '~emails/password-reset';
import { welcomeEmail } from '~emails/welcome';
import { fixedT } from '~/i18n/i18n.server';
import { appendAudit } from '~/models/audit.server';
import {
  consumePasswordToken,
  countTokensSince,
  expireOpenTokens,
  findUsablePasswordToken,
  insertPasswordToken,
} from '~/models/password-token.server';
import { insertSession, revokeSession, revokeUserSessions } from '~/models/session.server';
import {
  clearFailuresFor,
  countAddressFailures,
  failureStreak,
  pruneFailuresBefore,
  recordFailure,
} from '~/models/sign-in-failure.server';
import {
  facilitatorLocalityIds,
  findUserById,
  findUserByIdentifier,
  insertUser,
  replaceFacilitatorLocalities,
  replaceUserRoles,
  rolesOfUser,
  updateUser,
  missingLocalityIds,
} from '~/models/user.server';
import { appLink, mayEmailProgrammeNotice, queueNotice } from '~/services/notices.server';
import {
  identifierKey,
  normalizeEmail,
  normalizeIdentifier,
  normalizePhone,
} from '~/utils/contact.server';
import { hashToken, randomToken } from '~/utils/crypto.server';
import { generateReadablePassword, hashPassword, verifyPassword } from '~/utils/password.server';
import { deviceCookieAfterSignIn, knownDeviceCounter } from '~/utils/device-cookie.server';
import { clientIp } from '~/utils/request.server';
import { newSession, readSessionId, type SessionUser } from '~/utils/session.server';

// Sign-in throttling, as OWASP advises, so that nobody is locked out by others' failures:
// - per account, failures since its last success bring growing delays (a refusal until a time,
//   never a sleep);
// - a browser that signed into the account before (device cookie) is counted on its own, so it
//   still signs in with the right password while the account is locked for unknown devices;
// - per address (a carrier's shared address, an NGO office) only a much higher limit, which slows
//   the answers down and never refuses.
/** Failures an account (or a known device) may make before delays begin. */
export const FREE_FAILURES = 4;
export const FIRST_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 30 * 60_000;
/** Failures are remembered for a day, or until the next successful sign-in. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
/** Failures from one address within the window before its answers are slowed. */
export const ADDRESS_SLOW_AFTER = 100;
export const ADDRESS_MAX_SLOWDOWN_MS = 10_000;

/** The wait after the n-th failure in a row: none for the first few, then 1, 2, 4 … 30 minutes. */
export function delayAfterFailures(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1));
}

/** How long one answer to a busy address waits: a second per hundred recent failures, at most 10. */
export function addressSlowdown(failures: number): number {
  if (failures < ADDRESS_SLOW_AFTER) return 0;
  return Math.min(ADDRESS_MAX_SLOWDOWN_MS, 1000 * Math.floor(failures / ADDRESS_SLOW_AFTER));
}

const waitWithoutBlocking = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export const RESET_LINK_VALID_MINUTES = 60;
export const INVITATION_VALID_DAYS = 7;
/** At most this many reset e-mails per account per hour, so nobody can flood a mailbox. */
const RESET_MAILS_PER_HOUR = 3;

type RequestMeta = {
  userAgent: string | null;
  ipAddress: string;
  existingSessionId: string | null;
};

async function requestMeta(request: Request): Promise<RequestMeta> {
  return {
    userAgent: request.headers.get('User-Agent')?.slice(0, 300) ?? null,
    ipAddress: clientIp(request),
    existingSessionId: await readSessionId(request),
  };
}

/** Prepares a new session for `userId` (async) and returns what the transaction must write. */
async function prepareSession(userId: number, meta: RequestMeta) {
  const session = await newSession(rolesOfUser(userId));
  return {
    setCookie: session.setCookie,
    write: (tx: Parameters<Parameters<typeof writeTransaction>[0]>[0]) => {
      // A cookie the browser already carried is retired, so an old id never lives on.
      if (meta.existingSessionId) revokeSession(tx, meta.existingSessionId, 'sign-out');
      insertSession(tx, {
        id: session.sessionId,
        userId,
        expiresAt: session.expiresAt,
        userAgent: meta.userAgent,
        ipAddress: meta.ipAddress,
      });
      updateUser(tx, userId, { lastSignInAt: new Date() });
    },
  };
}

function accountSnapshot(user: User, roles?: readonly Role[]) {
  return {
    name: user.name,
    email: user.email,
    phone: user.phone,
    locale: user.locale,
    localityId: user.localityId,
    contactByEmail: user.contactByEmail,
    contactByPhone: user.contactByPhone,
    contactOnlyViaFacilitator: user.contactOnlyViaFacilitator,
    disabled: Boolean(user.disabledAt),
    ...(roles ? { roles: [...roles].sort() } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Sign-up, sign-in, sign-out

export type SignUpInput = {
  name: string;
  contact: string;
  password: string;
  localityId: number | null;
  locale: Locale;
};

export async function signUp(
  request: Request,
  input: SignUpInput,
): Promise<
  | { ok: true; setCookie: string; userId: number }
  | { ok: false; error: 'contact-taken' | 'contact-invalid' | 'unknown-locality' }
> {
  const identifier = normalizeIdentifier(input.contact);
  if (!identifier) return { ok: false, error: 'contact-invalid' };
  if (input.localityId !== null && missingLocalityIds([input.localityId]).length > 0)
    return { ok: false, error: 'unknown-locality' };
  if (findUserByIdentifier(identifier)) return { ok: false, error: 'contact-taken' };
  const passwordHash = await hashPassword(input.password);
  const meta = await requestMeta(request);
  const session = await newSession(['applicant']);
  try {
    const user = writeTransaction((tx) => {
      if (findUserByIdentifier(identifier, tx)) throw new ContactTakenError();
      const created = insertUser(tx, {
        name: input.name,
        ...identifier,
        passwordHash,
        passwordChangedAt: new Date(),
        locale: input.locale,
        localityId: input.localityId,
        contactByEmail: 'email' in identifier,
        contactByPhone: 'phone' in identifier,
      });
      replaceUserRoles(tx, created.id, ['applicant'], null);
      if (meta.existingSessionId) revokeSession(tx, meta.existingSessionId, 'sign-out');
      insertSession(tx, {
        id: session.sessionId,
        userId: created.id,
        expiresAt: session.expiresAt,
        userAgent: meta.userAgent,
        ipAddress: meta.ipAddress,
      });
      updateUser(tx, created.id, { lastSignInAt: new Date() });
      appendAudit(tx, {
        actorUserId: created.id,
        action: 'user.signed-up',
        entityType: 'user',
        entityId: created.id,
        after: accountSnapshot(created, ['applicant']),
        ipAddress: meta.ipAddress,
      });
      // A first word in her language: what next, where to get help, a lost password. Only by
      // e-mail she may safely receive; a family without one hears it from her facilitator.
      if (mayEmailProgrammeNotice(created)) {
        queueNotice(tx, {
          recipient: created,
          template: welcomeEmail,
          params: { name: created.name, url: appLink('/') },
        });
      }
      return created;
    });
    return { ok: true, setCookie: session.setCookie, userId: user.id };
  } catch (error) {
    if (error instanceof ContactTakenError) return { ok: false, error: 'contact-taken' };
    throw error;
  }
}

class ContactTakenError extends Error {}

export type SignInResult =
  | { ok: true; setCookie: string; deviceCookie: string; userId: number }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'throttled'; retryAfterMs: number };

export type SignInOptions = {
  now?: Date;
  /** How an answer to a busy address is slowed; tests pass one that only records. */
  wait?: (ms: number) => Promise<void>;
};

/**
 * Checks the password and starts a session. The answer is the same whether the account does
 * not exist, is disabled or the password is wrong, so sign-in never reveals who has an account.
 */
export async function signIn(
  request: Request,
  input: { identifier: string; password: string },
  nowOrOptions: Date | SignInOptions = {},
): Promise<SignInResult> {
  const options = nowOrOptions instanceof Date ? { now: nowOrOptions } : nowOrOptions;
  const now = options.now ?? new Date();
  const key = identifierKey(input.identifier);
  const meta = await requestMeta(request);
  // A known device of this account is counted on its own; any other browser counts for the account.
  const counter = (await knownDeviceCounter(request, key)) ?? key;
  const streak = failureStreak(counter, new Date(now.getTime() - FAILURE_MEMORY_MS));
  if (streak.last) {
    const lockedUntil = streak.last.getTime() + delayAfterFailures(streak.count);
    // Refused without looking at the password, and not counted: waiting out a delay is enough.
    if (now.getTime() < lockedUntil) {
      return { ok: false, error: 'throttled', retryAfterMs: lockedUntil - now.getTime() };
    }
  }
  const slowdown = addressSlowdown(
    countAddressFailures(meta.ipAddress, new Date(now.getTime() - ADDRESS_WINDOW_MS)),
  );
  if (slowdown > 0) await (options.wait ?? waitWithoutBlocking)(slowdown);
  const identifier = normalizeIdentifier(input.identifier);
  const user = identifier ? findUserByIdentifier(identifier) : undefined;
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || user.disabledAt) {
    writeTransaction((tx) => recordFailure(tx, counter, meta.ipAddress, now));
    pruneFailuresBefore(new Date(now.getTime() - FAILURE_MEMORY_MS));
    return { ok: false, error: 'invalid' };
  }
  const session = await prepareSession(user.id, meta);
  const deviceCookie = await deviceCookieAfterSignIn(request, key);
  writeTransaction((tx) => {
    clearFailuresFor(tx, counter);
    session.write(tx);
    appendAudit(tx, {
      actorUserId: user.id,
      action: 'user.signed-in',
      entityType: 'user',
      entityId: user.id,
      ipAddress: meta.ipAddress,
    });
  });
  return { ok: true, setCookie: session.setCookie, deviceCookie, userId: user.id };
}

export async function signOut(request: Request, sessionUser: SessionUser | null) {
  const sessionId = await readSessionId(request);
  if (!sessionId) return;
  writeTransaction((tx) => {
    revokeSession(tx, sessionId, 'sign-out');
    if (sessionUser) {
      appendAudit(tx, {
        actorUserId: sessionUser.user.id,
        action: 'user.signed-out',
        entityType: 'user',
        entityId: sessionUser.user.id,
        ipAddress: clientIp(request),
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Password reset (e-mailed link) and invitations (the link sets the first password)

/**
 * Sends a reset link if an account has this e-mail. Returns nothing either way, and the page says
 * the same thing either way: reset never reveals whether an account exists.
 */
export async function requestPasswordReset(request: Request, email: string, now = new Date()) {
  const user = findUserByIdentifier({ email: normalizeEmail(email) });
  if (!user || user.disabledAt || !user.email) return;
  if (
    countTokensSince(user.id, 'reset', new Date(now.getTime() - 60 * 60_000)) >=
    RESET_MAILS_PER_HOUR
  )
    return;
  const token = randomToken();
  writeTransaction((tx) => {
    expireOpenTokens(tx, user.id, 'reset', now);
    insertPasswordToken(tx, {
      userId: user.id,
      tokenHash: hashToken(token),
      purpose: 'reset',
      expiresAt: new Date(now.getTime() + RESET_LINK_VALID_MINUTES * 60_000),
      createdAt: now,
    });
    queueNotice(tx, {
      recipient: user,
      template: passwordResetEmail,
      params: {
        name: user.name,
        url: appLink(`/set-password?${new URLSearchParams({ token })}`),
        validMinutes: RESET_LINK_VALID_MINUTES,
      },
      kind: 'account',
    });
    appendAudit(tx, {
      actorUserId: null,
      action: 'user.password-reset-requested',
      entityType: 'user',
      entityId: user.id,
      ipAddress: clientIp(request),
    });
  });
}

/** What the set-password page shows for a link: whose it is and why, or that it is not valid. */
export function describePasswordLink(token: string, now = new Date()) {
  const found = findUsablePasswordToken(hashToken(token), now);
  if (!found || found.user.disabledAt) return null;
  return { purpose: found.token.purpose, name: found.user.name };
}

export async function setPasswordWithLink(
  request: Request,
  input: { token: string; password: string },
  now = new Date(),
): Promise<{ ok: true; setCookie: string } | { ok: false; error: 'link-invalid' }> {
  const found = findUsablePasswordToken(hashToken(input.token), now);
  if (!found || found.user.disabledAt) return { ok: false, error: 'link-invalid' };
  const { token, user } = found;
  const passwordHash = await hashPassword(input.password);
  const meta = await requestMeta(request);
  const session = await prepareSession(user.id, meta);
  const ok = writeTransaction((tx) => {
    if (!consumePasswordToken(tx, token.id, now)) return false;
    updateUser(tx, user.id, { passwordHash, passwordChangedAt: now });
    revokeUserSessions(tx, user.id, 'password-reset');
    session.write(tx);
    appendAudit(tx, {
      actorUserId: user.id,
      action: token.purpose === 'invite' ? 'user.invitation-accepted' : 'user.password-reset',
      entityType: 'user',
      entityId: user.id,
      ipAddress: meta.ipAddress,
    });
    if (token.purpose === 'reset') {
      queueNotice(tx, {
        recipient: user,
        template: passwordChangedEmail,
        params: { name: user.name, url: appLink('/forgot-password') },
        kind: 'account',
      });
    }
    return true;
  });
  return ok ? { ok: true, setCookie: session.setCookie } : { ok: false, error: 'link-invalid' };
}

export async function changePassword(
  request: Request,
  sessionUser: SessionUser,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true; setCookie: string } | { ok: false; error: 'wrong-password' }> {
  const { user } = sessionUser;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, error: 'wrong-password' };
  }
  const passwordHash = await hashPassword(input.newPassword);
  const meta = await requestMeta(request);
  const session = await prepareSession(user.id, meta);
  writeTransaction((tx) => {
    updateUser(tx, user.id, { passwordHash, passwordChangedAt: new Date() });
    // Every other browser is signed out; this one gets a fresh session.
    revokeUserSessions(tx, user.id, 'password-changed');
    session.write(tx);
    appendAudit(tx, {
      actorUserId: user.id,
      action: 'user.password-changed',
      entityType: 'user',
      entityId: user.id,
      ipAddress: meta.ipAddress,
    });
    queueNotice(tx, {
      recipient: user,
      template: passwordChangedEmail,
      params: { name: user.name, url: appLink('/forgot-password') },
      kind: 'account',
    });
  });
  return { ok: true, setCookie: session.setCookie };
}

// ---------------------------------------------------------------------------------------------
// Account settings and language

export type AccountSettingsInput = {
  name: string;
  locale: Locale;
  phone: string;
  contactByEmail: boolean;
  contactByPhone: boolean;
  contactOnlyViaFacilitator: boolean;
};

export function updateAccountSettings(
  request: Request,
  sessionUser: SessionUser,
  input: AccountSettingsInput,
): { ok: true } | { ok: false; field: 'phone'; error: 'phone-invalid' | 'phone-taken' } {
  const { user } = sessionUser;
  let phone: string | null = null;
  if (input.phone.trim()) {
    phone = normalizePhone(input.phone);
    if (!phone) return { ok: false, field: 'phone', error: 'phone-invalid' };
    const holder = findUserByIdentifier({ phone });
    if (holder && holder.id !== user.id) return { ok: false, field: 'phone', error: 'phone-taken' };
  }
  if (!phone && !user.email) {
    // A family without e-mail signs in with her phone; it cannot be removed.
    return { ok: false, field: 'phone', error: 'phone-invalid' };
  }
  const stored = findUserById(user.id) ?? user;
  writeTransaction((tx) => {
    const updated = updateUser(tx, user.id, {
      name: input.name,
      locale: input.locale,
      // Changing the language on her account page is a choice; saving other settings is not.
      localeChosenAt: input.locale !== stored.locale ? new Date() : (stored.localeChosenAt ?? null),
      phone,
      contactByEmail: Boolean(user.email) && input.contactByEmail,
      contactByPhone: Boolean(phone) && input.contactByPhone,
      contactOnlyViaFacilitator: input.contactOnlyViaFacilitator,
    });
    appendAudit(tx, {
      actorUserId: user.id,
      action: 'user.settings-changed',
      entityType: 'user',
      entityId: user.id,
      before: accountSnapshot(stored),
      after: accountSnapshot(updated),
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

/**
 * The language switcher: kept on the account of a signed-in person, as her choice (so a
 * competition's own default language no longer applies to her). Reads the stored account: the
 * session's `user.locale` may be a competition's default.
 */
export function changeAccountLocale(request: Request, sessionUser: SessionUser, locale: Locale) {
  const user = findUserById(sessionUser.user.id) ?? sessionUser.user;
  if (user.locale === locale && user.localeChosenAt) return;
  writeTransaction((tx) => {
    updateUser(tx, user.id, { locale, localeChosenAt: new Date() });
    appendAudit(tx, {
      actorUserId: user.id,
      action: 'user.locale-changed',
      entityType: 'user',
      entityId: user.id,
      before: { locale: user.locale },
      after: { locale },
      ipAddress: clientIp(request),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Administration: invitations, roles, disabling

export type InviteInput = {
  name: string;
  email: string;
  locale: Locale;
  roles: Role[];
  localityIds: number[];
};

function rolesLabel(roles: readonly Role[], locale: Locale): string {
  const t = fixedT(locale);
  return roles.map((role) => t(`common:roles.${role}`)).join(', ');
}

export function inviteUser(
  request: Request,
  admin: SessionUser,
  input: InviteInput,
): { ok: true; userId: number } | { ok: false; error: 'email-taken' | 'unknown-locality' } {
  if (missingLocalityIds(input.localityIds).length > 0)
    return { ok: false, error: 'unknown-locality' };
  const email = normalizeEmail(input.email);
  const token = randomToken();
  const now = new Date();
  try {
    const userId = writeTransaction((tx) => {
      if (findUserByIdentifier({ email }, tx)) throw new ContactTakenError();
      const user = insertUser(tx, {
        name: input.name,
        email,
        locale: input.locale,
        createdById: admin.user.id,
      });
      replaceUserRoles(tx, user.id, input.roles, admin.user.id);
      if (input.roles.includes('facilitator'))
        replaceFacilitatorLocalities(tx, user.id, input.localityIds);
      insertPasswordToken(tx, {
        userId: user.id,
        tokenHash: hashToken(token),
        purpose: 'invite',
        expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60_000),
        createdById: admin.user.id,
        createdAt: now,
      });
      queueNotice(tx, {
        recipient: user,
        template: invitationEmail,
        params: {
          name: user.name,
          inviterName: admin.user.name,
          roles: rolesLabel(input.roles, user.locale),
          url: appLink(`/set-password?${new URLSearchParams({ token })}`),
          validDays: INVITATION_VALID_DAYS,
        },
        kind: 'account',
      });
      appendAudit(tx, {
        actorUserId: admin.user.id,
        action: 'user.invited',
        entityType: 'user',
        entityId: user.id,
        after: { ...accountSnapshot(user, input.roles), localityIds: input.localityIds },
        ipAddress: clientIp(request),
      });
      return user.id;
    });
    return { ok: true, userId };
  } catch (error) {
    if (error instanceof ContactTakenError) return { ok: false, error: 'email-taken' };
    throw error;
  }
}

/** Sends a fresh invitation link (the old one stops working). */
export function resendInvitation(request: Request, admin: SessionUser, userId: number): boolean {
  const user = findUserById(userId);
  if (!user || !user.email || user.passwordHash || user.disabledAt) return false;
  const token = randomToken();
  const now = new Date();
  writeTransaction((tx) => {
    expireOpenTokens(tx, user.id, 'invite', now);
    insertPasswordToken(tx, {
      userId: user.id,
      tokenHash: hashToken(token),
      purpose: 'invite',
      expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60_000),
      createdById: admin.user.id,
      createdAt: now,
    });
    queueNotice(tx, {
      recipient: user,
      template: invitationEmail,
      params: {
        name: user.name,
        inviterName: admin.user.name,
        roles: rolesLabel(rolesOfUser(user.id, tx), user.locale),
        url: appLink(`/set-password?${new URLSearchParams({ token })}`),
        validDays: INVITATION_VALID_DAYS,
      },
      kind: 'account',
    });
    appendAudit(tx, {
      actorUserId: admin.user.id,
      action: 'user.invitation-resent',
      entityType: 'user',
      entityId: user.id,
      ipAddress: clientIp(request),
    });
  });
  return true;
}

export type RolesChangeError =
  'not-found' | 'own-admin-role' | 'facilitator-needs-locality' | 'unknown-locality';

export function changeUserRoles(
  request: Request,
  admin: SessionUser,
  userId: number,
  input: { roles: Role[]; localityIds: number[] },
): { ok: true } | { ok: false; error: RolesChangeError } {
  const user = findUserById(userId);
  if (!user) return { ok: false, error: 'not-found' };
  // An admin cannot lock herself out; another admin must take the role away.
  if (userId === admin.user.id && !input.roles.includes('admin'))
    return { ok: false, error: 'own-admin-role' };
  if (input.roles.includes('facilitator') && input.localityIds.length === 0) {
    return { ok: false, error: 'facilitator-needs-locality' };
  }
  if (missingLocalityIds(input.localityIds).length > 0)
    return { ok: false, error: 'unknown-locality' };
  writeTransaction((tx) => {
    const before = {
      roles: rolesOfUser(userId, tx).sort(),
      localityIds: facilitatorLocalityIds(userId, tx).sort(),
    };
    const localityIds = input.roles.includes('facilitator') ? input.localityIds : [];
    replaceUserRoles(tx, userId, input.roles, admin.user.id);
    replaceFacilitatorLocalities(tx, userId, localityIds);
    appendAudit(tx, {
      actorUserId: admin.user.id,
      action: 'user.roles-changed',
      entityType: 'user',
      entityId: userId,
      before,
      after: { roles: [...input.roles].sort(), localityIds: [...localityIds].sort() },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

export function setUserDisabled(
  request: Request,
  admin: SessionUser,
  userId: number,
  disabled: boolean,
): { ok: true } | { ok: false; error: 'not-found' | 'self' } {
  const user = findUserById(userId);
  if (!user) return { ok: false, error: 'not-found' };
  if (userId === admin.user.id) return { ok: false, error: 'self' };
  writeTransaction((tx) => {
    updateUser(tx, userId, { disabledAt: disabled ? new Date() : null });
    if (disabled) revokeUserSessions(tx, userId, 'disabled');
    appendAudit(tx, {
      actorUserId: admin.user.id,
      action: disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: userId,
      before: { disabled: Boolean(user.disabledAt) },
      after: { disabled },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// A family without e-mail gets a new password from her facilitator or from staff

/** Staff and admins help every family; a facilitator only the families in her localities. */
export function mayHelpFamily(
  helper: SessionUser,
  family: User,
  familyRoles: readonly Role[],
): boolean {
  if (!familyRoles.includes('applicant') || family.disabledAt) return false;
  if (helper.roles.includes('staff') || helper.roles.includes('admin')) return true;
  if (!helper.roles.includes('facilitator') || family.localityId == null) return false;
  return facilitatorLocalityIds(helper.user.id).includes(family.localityId);
}

/**
 * Sets a new readable password and returns it once, to be read out or written down. The audit
 * line records who did it, never the password.
 */
export async function issueFamilyPassword(
  request: Request,
  helper: SessionUser,
  familyUserId: number,
): Promise<{ ok: true; password: string; name: string } | { ok: false; error: 'not-allowed' }> {
  const family = findUserById(familyUserId);
  if (!family || !mayHelpFamily(helper, family, rolesOfUser(familyUserId))) {
    return { ok: false, error: 'not-allowed' };
  }
  const password = generateReadablePassword();
  const passwordHash = await hashPassword(password);
  writeTransaction((tx) => {
    updateUser(tx, family.id, { passwordHash, passwordChangedAt: new Date() });
    revokeUserSessions(tx, family.id, 'password-reset');
    appendAudit(tx, {
      actorUserId: helper.user.id,
      action: 'user.password-issued-by-helper',
      entityType: 'user',
      entityId: family.id,
      ipAddress: clientIp(request),
    });
  });
  return { ok: true, password, name: family.name };
}
