/**
 * What time it is, for rules that depend on it (session limits now, deadlines later).
 *
 * Inject `Clock` rather than calling `new Date()` where a test must be able to move time:
 * the application gets the system clock; tests may start it with a `TestClock` and set or
 * advance it. Keep it small: one method.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The real time. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock tests control: it runs with real time from wherever it was last set or advanced to,
 * so instants still follow one another within a test. Never used outside tests.
 */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward (or back, with a negative amount). */
  advance(ms: number): this {
    this.offsetMs += ms;
    return this;
  }

  /** Puts the clock at `instant`; it runs on from there. */
  set(instant: Date | string): this {
    this.offsetMs = new Date(instant).getTime() - Date.now();
    return this;
  }

  /** Back to the real time. */
  reset(): this {
    this.offsetMs = 0;
    return this;
  }
}
