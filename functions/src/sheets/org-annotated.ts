/**
 * The organisation workbook given back with a 问题说明 column on each of its two sheets (annotated.ts
 * does the writing), its rows checked again against the system as it is at download.
 */
import { TENURE_HEADERS, UNIT_HEADERS } from '@jiandu/shared';
import type { OrgProblemCode, OrgRowProblem } from '@jiandu/shared/api';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import { type AnnotatedSheet, annotatedName, annotateWorkbook } from './annotated.js';
import { checkOrg, type FoundSheet } from './org-import.js';
import type { PlannedTenure, PlannedUnit } from './org-plan.js';
import { readUpload } from './uploads.js';

/** What a problem says in the 问题说明 column (Chinese, as the administrator reads it). */
export const ORG_PROBLEM_TEXT: Record<OrgProblemCode, string> = {
  'field.missing': '未填写',
  'text.tooLong': '内容过长',
  'text.unsafeCharacters': '含有控制字符或文字方向控制符，请删除后重新导入',
  'date.invalid': '日期无法识别（可用 2018-06-30、2018/6/30、2018.6.30、2018年6月30日）',
  'instant.invalid': '日期无法识别',
  'instant.future': '日期晚于今天',
  'instant.beforeUnit': '日期早于单位成立日期',
  'kind.unknown': '单位类型无法识别（可填 市、县(市、区)、乡镇、部门、村）',
  'post.unknown': '职务类别无法识别（可填 主要负责人、分管负责人，或 党委书记、镇长、副县长 等职务）',
  'parent.unknown': '上级单位不存在（系统和本表中都找不到）',
  'parent.ambiguous': '上级单位名称对应多个单位，请填写单位编码',
  'parent.outsideJurisdiction': '上级单位不在本级管辖范围内',
  'parent.refused': '上级单位所在行有问题，本行未导入',
  'unit.cycle': '上级单位循环引用（单位不能是自己的上级）',
  'unit.duplicate': '与前面的行是同一个单位（同一上级下同名，或编码相同）',
  'unit.unknown': '单位不存在（系统和单位表中都找不到）',
  'unit.ambiguous': '单位名称对应多个单位，请填写全称或单位编码',
  'unit.outsideJurisdiction': '单位不在本级管辖范围内',
  'unit.refused': '该单位在单位表中有问题，本行未导入',
  'unit.nameDiffers': '系统中该编码的单位名称不同，未覆盖',
  'unit.codeDiffers': '系统中该单位的编码不同，未覆盖',
  'unit.parentDiffers': '系统中该单位的上级单位不同，未覆盖',
  'unit.kindDiffers': '系统中该单位的类型不同，未覆盖',
  'person.ambiguous': '该单位有多名同名人员，请填写人员编号或身份证号后四位',
  'tenure.datesReversed': '任职结束早于任职开始',
  'tenure.duplicate': '与前面的行是同一任职（同一人、单位、职务类别、任职开始）',
  'tenure.principalOverlap': '同一时间该单位有两名同一职务的主要负责人，请核对',
  'tenure.toDiffers': '系统中该任职的结束日期不同，未覆盖',
};

const SEVERITY_PREFIX: Record<OrgRowProblem['severity'], string> = {
  error: '',
  conflict: '【冲突】',
  warning: '【提示】',
};

const headerOf = (f: OrgRowProblem['field']): string =>
  (f in UNIT_HEADERS
    ? UNIT_HEADERS[f as keyof typeof UNIT_HEADERS]
    : TENURE_HEADERS[f as keyof typeof TENURE_HEADERS])[0]!;

export const orgProblemText = (p: OrgRowProblem): string =>
  `${SEVERITY_PREFIX[p.severity]}${headerOf(p.field)}：${ORG_PROBLEM_TEXT[p.code]}`;

function sheetOf<F extends string>(
  s: FoundSheet<F> | null,
  planned: readonly (PlannedUnit | PlannedTenure)[],
  csvName: string,
): AnnotatedSheet[] {
  if (!s) return [];
  const marks = planned
    .filter((p) => p.problems.length > 0)
    .map((p) => ({
      line: p.row.line,
      text: p.problems.map(orgProblemText).join('；'),
      columns: p.problems.flatMap((pr) => {
        const at = s.header.columns[pr.field as F];
        return at === undefined ? [] : [at];
      }),
    }));
  return [{ name: s.name, csvName, rows: s.rows, headerRow: s.header.headerRow, marks }];
}

export async function annotatedOrg(
  deps: Deps,
  p: Principal,
  uploadId: string,
): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const { meta, bytes } = await readUpload(deps, p, uploadId);
  const { file, sheets, units, tenures } = await checkOrg(deps, p, bytes);
  const out = await annotateWorkbook(bytes, file.format, [
    ...sheetOf(sheets.units, units, '单位'),
    ...sheetOf(sheets.tenures, tenures, '人员任职'),
  ]);
  return { fileName: annotatedName(meta.fileName), bytes: out };
}
