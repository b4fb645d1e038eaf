/** Where time comes from; logic reads `ctx.clock.now()`, never `new Date()`, so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and advance by hand; it starts at the given instant. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-15T03:00:00Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
