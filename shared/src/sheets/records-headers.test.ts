import { describe, expect, it } from 'vitest';
import { matchRecordHeaders, RECORD_FIELDS, RECORD_HEADERS, RECORD_KINDS } from './records-headers.js';

describe('the headers of a past-records sheet', () => {
  it('lists every field of every kind once', () => {
    const all = new Set(RECORD_KINDS.flatMap((k) => Object.keys(RECORD_HEADERS[k])));
    expect(new Set(RECORD_FIELDS)).toEqual(all);
    expect(RECORD_FIELDS.length).toBe(all.size);
  });

  it.each([
    [
      'findings',
      ['发现日期', '单位', '问题类别', '严重程度', '问题描述', '涉及金额(万元)', '来源', '外部编号'],
    ],
    [
      'petitions',
      [
        '受理编号',
        '来信人姓名',
        '身份证号',
        '电话',
        '渠道',
        '受理层级',
        '单位',
        '类别',
        '事项',
        '收到时间',
        '受理时间',
        '办结时间',
        '满意度',
      ],
    ],
    ['signals', ['平台', '链接', '标题', '发布时间', '阅读', '转发', '评论', '倾向', '等级', '单位']],
    [
      'indicators',
      [
        '单位',
        '年度',
        '指标名称',
        '计量单位',
        '目标值',
        '一季度累计实际',
        '二季度累计实际',
        '三季度累计实际',
        '四季度累计实际',
      ],
    ],
  ] as const)('tells a %s sheet by its header row, below a title row', (kind, headers) => {
    const m = matchRecordHeaders([['东山县历史数据'], [...headers], ['x']]);
    expect(m).toMatchObject({ kind, headerRow: 1, missing: [], unknown: [] });
    expect(Object.keys(m!.columns)).toHaveLength(headers.length);
  });

  it('accepts the usual variants, a yuan amount, and names what is missing or unknown', () => {
    const m = matchRecordHeaders([
      ['督查日期', '责任单位', '问题类型', '存在问题', '涉及金额（元）', '备注'],
    ]);
    expect(m).toMatchObject({ kind: 'findings', amountUnit: 'yuan', unknown: ['备注'] });
    expect(m!.missing).toEqual(['severity']);
    expect(
      matchRecordHeaders([
        ['序号', '姓名'],
        ['a', 'b'],
      ]),
    ).toBeNull();
  });
});
