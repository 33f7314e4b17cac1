import type { components } from '../api/schema';
import { problemOf, type Problem } from '../api/problem';
import { ssoLanded } from './remembered-school';

export type LoginResponse = components['schemas']['LoginResponse'];
/** What the session still needs before anything else (process.md §7): nothing, or a code (`verify`), or an authenticator set up first (`enrol`). */
export type SecondFactorState = LoginResponse['secondFactor'];
export type User = components['schemas']['UserResponse'];

/** Why nobody is signed in: not yet; they signed out (here or in another tab); the idle or absolute limit; the API ended the session. */
export type SignedOutReason = 'none' | 'signed-out' | 'idle' | 'expired' | 'ended';

export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | {
      status: 'signed-in';
      user: User;
      organisationName: string;
      /** an admin reset the password: nothing but choosing a new one until then */
      passwordChangeRequired: boolean;
      /** `verify` or `enrol`: nothing but the second factor until it is passed (the API answers 403 second_factor_required) */
      secondFactor: SecondFactorState;
      /** when the session ends unless it is used (Date.now() time) */
      endsAt: number;
      /** false when the session's absolute limit comes first: staying signed in is not possible */
      extendable: boolean;
      /** the timeout warning is showing */
      warning: boolean;
    };

type Message =
  | { type: 'used'; idleExpiresAt: number; sessionExpiresAt: number; at: number }
  | { type: 'activity'; at: number }
  | { type: 'signed-out'; reason: SignedOutReason }
  | { type: 'second-factor-passed' }
  | { type: 'switched' };

/** The warning comes this long before the session ends (or half the session's idle limit, if shorter). */
export const WARNING_LEAD_MS = 2 * 60_000;
/** An access token this close to its expiry is refreshed before use. */
const TOKEN_MARGIN_MS = 15_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown'] as const;

/**
 * The person's session, in this tab (docs/sessions.md). The access token lives in this object
 * only — never in localStorage or sessionStorage; the refresh token is the HttpOnly cookie the
 * browser sends to /auth. One refresh at a time across tabs (Web Locks), tabs tell each other
 * about uses, activity and sign-outs (BroadcastChannel). A session is kept alive by use: a
 * refresh when an API call needs a token, or when the person has been active and the end nears;
 * otherwise the timeout warning, then sign-out at the idle limit.
 */
class Session {
  private state: SessionState = { status: 'starting' };
  private readonly listeners = new Set<() => void>();
  private token: string | null = null;
  private tokenExpiresAt = 0;
  private idleExpiresAt = 0;
  private sessionExpiresAt = 0;
  private lastUseAt = 0;
  private lastActivityAt = 0;
  private lastActivitySent = 0;
  private refreshing: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private channel: BroadcastChannel | null = null;

  readonly get = (): SessionState => this.state;
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** On page load: the cookie, if any, becomes a session. */
  start(): void {
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel('smp-session');
      this.channel.onmessage = (event: MessageEvent<Message>) => this.hear(event.data);
    }
    for (const name of ACTIVITY_EVENTS) document.addEventListener(name, this.active, { capture: true, passive: true });
    void this.refresh();
  }

  async signIn(email: string, password: string): Promise<Problem | null> {
    const response = await fetch('/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }).catch(() => undefined);
    const body: unknown = await response?.json().catch(() => null);
    if (!response?.ok) return problemOf(body, response);
    this.use(body as LoginResponse);
    return null;
  }

  /** Ends the session at the API, then here and in every tab. */
  async signOut(reason: SignedOutReason = 'signed-out'): Promise<void> {
    // at the session's end a refresh would be refused (or would be a use): the token in hand, if still good
    const timedOut = reason === 'idle' || reason === 'expired';
    const token = this.state.status !== 'signed-in' ? null : timedOut ? (Date.now() < this.tokenExpiresAt ? this.token : null) : await this.accessToken();
    if (token)
      await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
    this.end(reason, true);
  }

  /** A token for the next request: the one in memory, refreshed first when it is about to expire. */
  async accessToken(): Promise<string | null> {
    if (this.refreshing) return this.refreshing;
    if (this.state.status !== 'signed-in') return null;
    if (this.token && Date.now() < this.tokenExpiresAt - TOKEN_MARGIN_MS) return this.token;
    return this.refresh();
  }

  /** The API refused `refused` (401): refresh once (unless another request already did) and say which token to try again with. */
  async refreshAfterRefusal(refused: string): Promise<string | null> {
    if (this.token && this.token !== refused) return this.token;
    return this.refresh();
  }

  /** One refresh at a time in this tab, and across tabs (docs/sessions.md "Reuse detection"). */
  refresh(): Promise<string | null> {
    this.refreshing ??= this.locked(() => this.refreshNow()).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** "Stay signed in" in the timeout warning. */
  async staySignedIn(): Promise<void> {
    await this.refresh();
  }

  /** A 403 password_change_required from any route. */
  passwordChangeRequired(): void {
    if (this.state.status === 'signed-in' && !this.state.passwordChangeRequired) this.set({ ...this.state, passwordChangeRequired: true });
  }

  /** The second factor was passed (POST /auth/second-factor/verify or …/enrolment/confirm): in this session, so in every tab. */
  secondFactorPassed(): void {
    this.passSecondFactor();
    this.send({ type: 'second-factor-passed' });
  }

  /**
   * A 403 second_factor_required from a route: this tab thought the session had passed (an admin's
   * reset, another tab): the session's own answer (a refresh) says what it needs now.
   */
  secondFactorRequired(): void {
    if (this.state.status === 'signed-in' && !secondFactorPending(this.state.secondFactor)) void this.refresh();
  }

  /**
   * POST /auth/organisation answered: a new session in another school (the old one ended, the
   * refresh cookie replaced). The other tabs take it up by refreshing from the new cookie.
   */
  switched(answer: LoginResponse): void {
    this.use(answer);
    this.send({ type: 'switched' });
  }

  /** POST /auth/password answered 204: this session goes on (docs/sessions.md "Passwords"). */
  passwordChanged(): void {
    if (this.state.status === 'signed-in') this.set({ ...this.state, passwordChangeRequired: false });
  }

  private passSecondFactor(): void {
    if (this.state.status === 'signed-in' && secondFactorPending(this.state.secondFactor)) this.set({ ...this.state, secondFactor: 'passed' });
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    return navigator.locks ? navigator.locks.request('smp-refresh', work) : work();
  }

  private async refreshNow(): Promise<string | null> {
    // no body: the HttpOnly cookie is the refresh token
    const response = await fetch('/auth/refresh', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
    if (!response) return this.state.status === 'starting' ? this.end('none', false) : this.token;
    if (response.ok) {
      this.use((await response.json()) as LoginResponse);
      return this.token;
    }
    if (response.status === 400 || response.status === 401) {
      // no cookie, or a session that has ended (signed out elsewhere, a password change, an admin's reset, reuse)
      return this.end(this.state.status === 'signed-in' ? 'ended' : this.state.status === 'signed-out' ? this.state.reason : 'none', false);
    }
    // a passing failure (503): keep what we have
    if (this.state.status === 'starting') this.end('none', false);
    return this.token;
  }

  /** A sign-in or refresh answer: a new access token, and the session's limits counted from now. */
  private use(answer: LoginResponse): void {
    const now = Date.now();
    this.token = answer.accessToken;
    this.tokenExpiresAt = now + answer.expiresIn * 1000;
    this.idleExpiresAt = now + answer.sessionIdleExpiresIn * 1000;
    this.sessionExpiresAt = now + answer.sessionExpiresIn * 1000;
    this.lastUseAt = now;
    this.set({
      status: 'signed-in',
      user: answer.user,
      organisationName: answer.organisationName,
      passwordChangeRequired: answer.passwordChangeRequired,
      secondFactor: answer.secondFactor,
      ...this.limits(),
      warning: false,
    });
    this.send({ type: 'used', idleExpiresAt: this.idleExpiresAt, sessionExpiresAt: this.sessionExpiresAt, at: now });
    this.schedule();
    ssoLanded(answer.user.organisationId);
  }

  private limits(): { endsAt: number; extendable: boolean } {
    return { endsAt: Math.min(this.idleExpiresAt, this.sessionExpiresAt), extendable: this.idleExpiresAt < this.sessionExpiresAt };
  }

  private end(reason: SignedOutReason, tellOtherTabs: boolean): null {
    this.token = null;
    clearTimeout(this.timer);
    this.set({ status: 'signed-out', reason });
    if (tellOtherTabs) this.send({ type: 'signed-out', reason });
    return null;
  }

  /** Wakes at the warning and at the end: the next moment the session's state changes by itself. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.state.status !== 'signed-in') return;
    const { endsAt, warning } = this.state;
    const warnAt = endsAt - Math.min(WARNING_LEAD_MS, (endsAt - this.lastUseAt) / 2);
    const next = warning ? endsAt : warnAt;
    this.timer = setTimeout(() => this.tick(), Math.max(0, next - Date.now()));
  }

  private tick(): void {
    if (this.state.status !== 'signed-in') return;
    const now = Date.now();
    if (now >= this.state.endsAt) {
      void this.signOut(this.state.extendable ? 'idle' : 'expired');
    } else if (this.state.extendable && this.lastActivityAt > this.lastUseAt && !this.state.warning) {
      // the person has been at work here (or in another tab) since the last use: that is a use
      void this.refresh();
    } else {
      this.set({ ...this.state, warning: true });
      this.schedule();
    }
  }

  private readonly active = (): void => {
    const now = Date.now();
    this.lastActivityAt = now;
    if (now - this.lastActivitySent > 15_000) {
      this.lastActivitySent = now;
      this.send({ type: 'activity', at: now });
    }
  };

  private hear(message: Message): void {
    if (message.type === 'activity') {
      this.lastActivityAt = Math.max(this.lastActivityAt, message.at);
    } else if (message.type === 'signed-out') {
      if (this.state.status === 'signed-in') this.end(message.reason, false);
    } else if (message.type === 'second-factor-passed') {
      this.passSecondFactor();
    } else if (message.type === 'switched') {
      // this tab's token belongs to the session that ended: the cookie is the new school's
      void this.refresh();
    } else if (this.state.status === 'signed-in') {
      // another tab used the session: its limits start again here too (this tab keeps its own access token)
      this.idleExpiresAt = message.idleExpiresAt;
      this.sessionExpiresAt = message.sessionExpiresAt;
      this.lastUseAt = message.at;
      this.set({ ...this.state, ...this.limits(), warning: false });
      this.schedule();
    } else if (this.state.status === 'signed-out') {
      // signed in in another tab: join the session
      void this.refresh();
    }
  }

  private send(message: Message): void {
    this.channel?.postMessage(message);
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** The session waits for its second factor: a code, or an authenticator set up first. */
export const secondFactorPending = (state: SecondFactorState): boolean => state === 'verify' || state === 'enrol';

export const session = new Session();
