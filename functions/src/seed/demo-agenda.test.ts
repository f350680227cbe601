import { describe, expect, it } from 'vitest';
import { Agenda, laneOf } from './demo-agenda.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('the seed agenda', () => {
  it('runs jobs first, the day’s work lane by lane in phase order, then publications, then closing jobs', async () => {
    const a = new Agenda('2025-12-31');
    const seen: string[] = [];
    const log = (s: string) => async () => {
      await tick();
      seen.push(s);
    };
    a.on('2025-07-10', 'close', '', log('close'));
    a.on('2025-07-10', 'rankings', '', log('rank'));
    a.on('2025-07-10', 'indicators', 'u1', log('u1-report'));
    a.on('2025-07-10', 'workflow', 'u1', log('u1-step'));
    a.on('2025-07-10', 'findings', 'u2', log('u2-finding'));
    a.on('2025-07-10', 'jobs', '', log('sweep'));
    a.on('2025-07-11', 'jobs', '', log('next day'));
    await a.runDay('2025-07-10');
    expect(seen[0]).toBe('sweep');
    expect(seen.slice(1, 4).sort()).toEqual(['u1-report', 'u1-step', 'u2-finding']);
    expect(seen.indexOf('u1-step')).toBeLessThan(seen.indexOf('u1-report'));
    expect(seen.slice(4)).toEqual(['rank', 'close']);
  });

  it('runs what a task plans for the same day, drops what falls after the last day, refuses the past', async () => {
    const a = new Agenda('2025-12-31');
    const seen: string[] = [];
    a.on('2025-12-30', 'findings', 'u1', async () => {
      seen.push('finding');
      a.on('2025-12-30', 'workflow', 'u1', async () => {
        seen.push('same day');
      });
      a.on('2026-01-02', 'workflow', 'u1', async () => {
        seen.push('after the end');
      });
    });
    await a.runDay('2025-12-30');
    await a.runDay('2025-12-31');
    expect(seen).toEqual(['finding', 'same day']);
    expect(() => a.on('2025-12-01', 'workflow', '', async () => {})).toThrow();
  });

  it('puts a village’s work in its township’s lane', () => {
    expect(laneOf('dongshan-t03-v1')).toBe('dongshan-t03');
    expect(laneOf('dongshan-d4')).toBe('dongshan-d4');
  });
});
