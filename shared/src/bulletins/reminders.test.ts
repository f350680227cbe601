import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/local-date.js';
import { reminderCounts } from './reminders.js';

describe('reminders in the bulletin', () => {
  it('counts a reminder unread 3 days after it was sent as ignored, not one sent 2 days before', () => {
    const c = reminderCounts(
      [
        { unitId: 'ds-a', day: '2025-05-20', reads: 0 }, // 05-23 ≤ 05-31: ignored
        { unitId: 'ds-a', day: '2025-05-29', reads: 0 }, // 06-01 > 05-31: not yet
        { unitId: 'ds-a', day: '2025-05-02', reads: 1 }, // read (late or not): read
        { unitId: 'ds-b', day: '2025-05-28', reads: 0 }, // 05-31 ≤ 05-31: ignored, on the edge
      ],
      '2025-05-31',
      3,
    );
    expect(c).toEqual({
      sent: 4,
      read: 1,
      ignored: 2,
      byUnit: [
        { unitId: 'ds-a', sent: 3, read: 1, ignored: 1 },
        { unitId: 'ds-b', sent: 1, read: 0, ignored: 1 },
      ],
    });
  });

  it('keeps the totals equal to the sum over units, and read + ignored ≤ sent', () => {
    const fact = fc.record({
      unitId: fc.constantFrom('a', 'b', 'c'),
      day: fc.integer({ min: 0, max: 40 }).map((n) => addDays('2025-05-01', n)),
      reads: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), fc.integer({ min: 1, max: 10 }), (rs, n) => {
        const c = reminderCounts(rs, '2025-05-31', n);
        for (const k of ['sent', 'read', 'ignored'] as const)
          expect(c[k]).toBe(c.byUnit.reduce((acc, u) => acc + u[k], 0));
        expect(c.read + c.ignored).toBeLessThanOrEqual(c.sent);
        expect(c.sent).toBe(rs.length);
        // A longer window never ignores more.
        expect(reminderCounts(rs, '2025-05-31', n + 1).ignored).toBeLessThanOrEqual(c.ignored);
      }),
    );
  });
});
