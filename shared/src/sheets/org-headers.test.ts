import { describe, expect, it } from 'vitest';
import {
  matchTenureHeaders,
  matchUnitHeaders,
  tenureFieldOfHeader,
  unitFieldOfHeader,
} from './org-headers.js';
import { postKindOf, unitKindOf, unitKindOfName } from './org-words.js';

describe('the organisation sheets’ headers and their variants', () => {
  it.each([
    ['单位名称', 'name'],
    ['机构名称', 'name'],
    ['单位类型', 'kind'],
    ['层级', 'kind'],
    ['上级单位', 'parent'],
    ['所属单位', 'parent'],
    ['单位编码', 'code'],
    ['统一社会信用代码', 'code'],
    ['行政区划代码', 'code'],
    ['简称/曾用名', 'aliases'],
    ['曾用名', 'aliases'],
    ['成立日期', 'establishedOn'],
    ['*单位名称', 'name'],
  ])('knows %s on the 单位 sheet as %s', (header, field) => {
    expect(unitFieldOfHeader(header)).toBe(field);
  });

  it.each([
    ['姓名', 'person'],
    ['身份证号后四位', 'personKey'],
    ['人员编号', 'personKey'],
    ['单位', 'unit'],
    ['任职单位', 'unit'],
    ['职务类别', 'post'],
    ['职务', 'title'],
    ['任职开始', 'from'],
    ['起始日期', 'from'],
    ['任职时间', 'from'],
    ['任职结束', 'to'],
    ['离任日期', 'to'],
    [' 任职 结束 ', 'to'],
  ])('knows %s on the 人员任职 sheet as %s', (header, field) => {
    expect(tenureFieldOfHeader(header)).toBe(field);
  });

  it('finds the 单位 header row under a title, and never takes a 人员任职 sheet for it', () => {
    const units = [['东山县组织机构'], ['序号', '单位名称', '单位类型', '上级单位', '备注']];
    expect(matchUnitHeaders(units)).toEqual({
      headerRow: 1,
      columns: { name: 1, kind: 2, parent: 3 },
      unknown: ['序号', '备注'],
      missing: [],
    });
    const tenures = [['姓名', '单位', '职务', '任职时间', '离任日期']];
    expect(matchUnitHeaders(tenures)).toBeNull();
    expect(matchTenureHeaders(tenures)).toEqual({
      headerRow: 0,
      columns: { person: 0, unit: 1, title: 2, from: 3, to: 4 },
      unknown: [],
      missing: [],
    });
    expect(matchTenureHeaders(units)).toBeNull();
  });

  it('lists the columns a sheet lacks: the parent, or the post when neither 职务类别 nor 职务 is there', () => {
    expect(matchUnitHeaders([['单位名称', '单位类型']])?.missing).toEqual(['parent']);
    expect(matchTenureHeaders([['姓名', '单位', '任职开始']])?.missing).toEqual(['post']);
  });
});

describe('unit kinds and posts as offices write them', () => {
  it.each([
    ['市', 'city'],
    ['县(市、区)', 'county'],
    ['县（市、区）', 'county'],
    ['县/区', 'county'],
    ['乡镇', 'township'],
    ['镇', 'township'],
    ['街道', 'township'],
    ['部门', 'department'],
    ['局', 'department'],
    ['办', 'department'],
    ['村', 'village'],
    ['社区', 'village'],
    ['township', 'township'],
  ])('reads the kind %s as %s', (cell, kind) => {
    expect(unitKindOf(cell)).toBe(kind);
  });

  it('knows no kind in a word that names none', () => {
    expect(unitKindOf('合作社')).toBeNull();
  });

  it.each([
    ['东山县扶贫办', 'department'],
    ['青松镇', 'township'],
    ['柳溪村', 'village'],
    ['东山县', 'county'],
    ['示范市', 'city'],
  ])('infers the kind of %s from its name: %s', (name, kind) => {
    expect(unitKindOfName(name)).toBe(kind);
  });

  it.each([
    ['主要负责人', 'principal'],
    ['党委书记', 'principal'],
    ['县长', 'principal'],
    ['镇长', 'principal'],
    ['乡长', 'principal'],
    ['分管负责人', 'deputy_in_charge'],
    ['分管领导', 'deputy_in_charge'],
    ['副县长', 'deputy_in_charge'],
    ['副镇长', 'deputy_in_charge'],
    ['党委副书记', 'deputy_in_charge'],
  ])('reads the post %s as %s', (cell, post) => {
    expect(postKindOf(cell)).toBe(post);
  });

  it('knows no post in a title that is neither a head nor a deputy', () => {
    expect(postKindOf('科员')).toBeNull();
    expect(postKindOf('')).toBeNull();
  });
});
