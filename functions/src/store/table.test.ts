import { describe, expect, it } from 'vitest';
import { TABLE, tableNamed } from './table.js';
import { createTableInput } from './table-bootstrap.js';

describe('the table definition', () => {
  it('keys items by pk/sk and indexes them by gsi1..gsi3 and the jurisdiction lists jl1..jl4 and due lists jd1..jd4 and the sweeps’ wake list, every key a string', () => {
    expect([TABLE.partitionKey, TABLE.sortKey]).toEqual([
      { name: 'pk', type: 'S' },
      { name: 'sk', type: 'S' },
    ]);
    expect(TABLE.indexes.map((i) => [i.name, i.partitionKey.name, i.sortKey.name, i.projection])).toEqual([
      ['gsi1', 'gsi1pk', 'gsi1sk', 'ALL'],
      ['gsi2', 'gsi2pk', 'gsi2sk', 'ALL'],
      ['gsi3', 'gsi3pk', 'gsi3sk', 'ALL'],
      ['jl1', 'jl1pk', 'jl1sk', 'ALL'],
      ['jl2', 'jl2pk', 'jl2sk', 'ALL'],
      ['jl3', 'jl3pk', 'jl3sk', 'ALL'],
      ['jl4', 'jl4pk', 'jl4sk', 'ALL'],
      ['jd1', 'jd1pk', 'jd1sk', 'ALL'],
      ['jd2', 'jd2pk', 'jd2sk', 'ALL'],
      ['jd3', 'jd3pk', 'jd3sk', 'ALL'],
      ['jd4', 'jd4pk', 'jd4sk', 'ALL'],
      ['wake', 'jwpk', 'jwsk', 'ALL'],
    ]);
  });

  it('becomes a CreateTable request declaring each key attribute once, on demand, with the stream on', () => {
    const input = createTableInput(tableNamed('test-table'));
    expect(input.TableName).toBe('test-table');
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
    expect(input.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const names = input.AttributeDefinitions?.map((a) => a.AttributeName);
    expect(names).toEqual([
      'pk',
      'sk',
      'gsi1pk',
      'gsi1sk',
      'gsi2pk',
      'gsi2sk',
      'gsi3pk',
      'gsi3sk',
      ...[1, 2, 3, 4].flatMap((l) => [`jl${l}pk`, `jl${l}sk`]),
      ...[1, 2, 3, 4].flatMap((l) => [`jd${l}pk`, `jd${l}sk`]),
      'jwpk',
      'jwsk',
    ]);
    expect(input.GlobalSecondaryIndexes).toHaveLength(12);
  });

  it('keeps the default name jiandu when renamed copies are made', () => {
    tableNamed('other');
    expect(TABLE.name).toBe('jiandu');
  });
});
