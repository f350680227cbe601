import type { Unit } from '@jiandu/shared';
import { describe, expect, it } from 'vitest';
import type { RecordStore } from '../../store/record-store.js';
import { UnitDirectory } from './units.js';

const unit = (id: string, parentId: string | null): Unit =>
  ({ id, name: id, kind: parentId ? 'township' : 'city', parentId, code: id, aliases: [] }) as Unit;

/** A store whose unit list answers when the test says, with what it holds at that moment. */
function slowStore(units: Unit[]) {
  const waiting: (() => void)[] = [];
  const store = {
    list: async () => {
      const read = [...units]; // what the index held when the read began
      await new Promise<void>((r) => waiting.push(r));
      return { items: read.map((data) => ({ data })), cursor: null, read: read.length };
    },
  } as unknown as RecordStore;
  const release = () => {
    for (const r of waiting.splice(0)) r();
  };
  return { store, release, waiting };
}

describe('the unit directory', () => {
  it('never keeps a load that began before a change as fresh', async () => {
    const units = [unit('city', null)];
    const { store, release, waiting } = slowStore(units);
    const dir = new UnitDirectory(store, () => 0);
    const early = dir.tree(); // a request starts loading…
    await Promise.resolve();
    units.push(unit('t1', 'city')); // …a unit is written…
    dir.invalidate(); // …and the directory told, while the first load is still reading
    release(); // the first load answers, with the list as it was before the write
    expect((await early).has('t1')).toBe(false);
    const late = dir.tree(); // a request after the change reads again, it is not served the early load
    await expect.poll(() => waiting.length).toBe(1);
    release();
    expect((await late).has('t1')).toBe(true);
  });

  it('uses the tree a change committed at once, without reading the list again', async () => {
    const { store, waiting } = slowStore([]);
    const dir = new UnitDirectory(store, () => 0);
    dir.adopt([unit('city', null), unit('t1', 'city')]);
    expect((await dir.tree()).has('t1')).toBe(true);
    expect(await dir.pathOf('t1')).toBe('/city/t1/');
    expect(waiting.length).toBe(0);
  });
});
