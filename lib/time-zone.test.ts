import { describe, expect, it } from 'vitest';
import { dateToZonedWallTime, zonedWallTimeToDate } from '@/lib/time-zone';

describe('site time zone conversion', () => {
  it('reads London wall time as UTC in winter and UTC+1 in summer', () => {
    expect(zonedWallTimeToDate('2026-11-29T15:30', 'Europe/London')?.toISOString()).toBe('2026-11-29T15:30:00.000Z');
    expect(zonedWallTimeToDate('2026-07-01T15:30', 'Europe/London')?.toISOString()).toBe('2026-07-01T14:30:00.000Z');
    expect(zonedWallTimeToDate('2026-07-01T09:00:45', 'America/New_York')?.toISOString()).toBe('2026-07-01T13:00:45.000Z');
  });

  it('round-trips an instant through the editor format', () => {
    const instant = new Date('2026-03-29T01:30:00.000Z'); // just after London's spring change
    const wall = dateToZonedWallTime(instant, 'Europe/London');
    expect(wall).toBe('2026-03-29T02:30');
    expect(zonedWallTimeToDate(wall, 'Europe/London')?.toISOString()).toBe(instant.toISOString());
  });

  it('rejects text that is not a datetime-local value', () => {
    expect(zonedWallTimeToDate('tomorrow at noon', 'Europe/London')).toBeNull();
    expect(zonedWallTimeToDate('2026-11-29 15:30', 'Europe/London')).toBeNull();
  });
});
