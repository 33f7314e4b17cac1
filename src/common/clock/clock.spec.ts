import { SystemClock, TestClock } from './clock';

describe('Clock', () => {
  it('the system clock tells the real time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('a test clock starts at the real time, and can be advanced, set and reset', () => {
    const clock = new TestClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    clock.advance(31 * 60_000);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(31 * 60_000 - 50);
    clock.set('2030-01-01T00:00:00Z');
    expect(Math.abs(clock.now().getTime() - Date.parse('2030-01-01T00:00:00Z'))).toBeLessThan(50);
    clock.reset();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
  });

  it('a test clock keeps running from where it was set', async () => {
    const clock = new TestClock().set('2030-01-01T00:00:00Z');
    const first = clock.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now().getTime()).toBeGreaterThan(first);
  });
});
