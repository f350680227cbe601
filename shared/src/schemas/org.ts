/** Units, people and their posts (任职). */
import * as z from '../zod.js';
import { idSchema, localDateSchema, shortText } from './common.js';
import { postKind, unitKind } from './enums.js';

export const unitSchema = z.strictObject({
  id: idSchema,
  name: shortText(100),
  kind: unitKind.schema,
  parentId: z.nullable(idSchema),
  /** Administrative or organisation code. */
  code: shortText(32),
  /** Names as written in spreadsheets (简称, old names). */
  aliases: z._default(z.array(shortText(100)).check(z.maxLength(20)), []),
  /**
   * The day the unit was established (成立日期), where known: no past instant of its records may lie
   * before it. Absent: the unit is taken to have existed as long as any of its history.
   */
  establishedOn: z.optional(localDateSchema),
  /**
   * Where the unit stood before its moves (撤县设区, a township to another county), oldest first: under
   * `parentId` from `from` (null: since it was established) to the day before `to` — `to` is the day the
   * next placement took effect. From the last `to` on the unit stands under `parentId` above. Written by a
   * move or merge only (functions/src/services/org/moves.ts).
   */
  history: z.optional(
    z
      .array(
        z.strictObject({
          parentId: z.nullable(idSchema),
          from: z.nullable(localDateSchema),
          to: localDateSchema,
        }),
      )
      .check(z.maxLength(100)),
  ),
  /** The unit was merged into `unitId` (撤乡并镇) and ceased on `on`: from that day its records count there. */
  mergedInto: z.optional(z.strictObject({ unitId: idSchema, on: localDateSchema })),
});
export type Unit = z.infer<typeof unitSchema>;

export const personSchema = z.strictObject({
  id: idSchema,
  name: shortText(50),
});
export type Person = z.infer<typeof personSchema>;

/** A person holding a post at a unit from `from` to `to` (both inclusive local dates; null = still). */
export const tenureSchema = z
  .strictObject({
    id: idSchema,
    personId: idSchema,
    unitId: idSchema,
    post: postKind.schema,
    title: z.optional(shortText(100)),
    from: localDateSchema,
    to: z.nullable(localDateSchema),
  })
  .check(
    z.refine((t) => t.to === null || t.to >= t.from, {
      message: 'a tenure ends on or after it starts',
      path: ['to'],
    }),
  );
export type Tenure = z.infer<typeof tenureSchema>;
