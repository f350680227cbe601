/**
 * The past-records workbook given back with a 问题说明 column on every sheet it read (annotated.ts),
 * each row's problems said in Chinese with the column they are about. Rows are checked again on
 * download, against the jurisdiction and the clock as they are then.
 */
import { RECORD_SHEET_NAMES, type RecordKind, recordHeaderOf } from '@jiandu/shared';
import type { RecordsProblemCode, RecordsRowProblem } from '@jiandu/shared/api';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import { annotatedName, annotateWorkbook } from './annotated.js';
import { checkRecords } from './records-import.js';
import { readUpload } from './uploads.js';

const PROBLEM_TEXT: Record<RecordsProblemCode, string> = {
  'field.missing': '未填写',
  'text.tooLong': '内容过长',
  'text.unsafeCharacters': '含有控制字符或文字方向控制符，请删除后重新导入',
  'unit.unknown': '单位不存在或不在本级管辖范围内',
  'unit.ambiguous': '单位名称对应多个单位，请填写全称或单位编码',
  'date.invalid': '日期或时间无法识别（可用 2018-06-30、2018/6/30 9:30、2018年6月30日）',
  'amount.invalid': '金额不是数字',
  'amount.negative': '金额不能为负数',
  'amount.tooPrecise': '金额小数位超过到分的精度',
  'amount.tooLarge': '金额过大',
  'value.unknown': '不是可选的值之一',
  'number.invalid': '不是有效的非负数',
  'url.invalid': '链接无法识别（须以 http:// 或 https:// 开头）',
  'idNumber.invalid': '身份证号无效（校验位不符或位数不对）',
  'phone.invalid': '电话号码格式不对',
  'instant.future': '晚于当前时间，历史数据不能是将来的',
  'instant.beforeUnit': '早于该单位的成立日期',
  'instant.order': '早于它之前的环节（如受理早于收到）',
  'step.missing': '缺少它之前的环节（如有办结时间须有受理时间）',
};

export const recordProblemText = (kind: RecordKind, p: RecordsRowProblem): string =>
  `${recordHeaderOf(kind, p.field)}：${PROBLEM_TEXT[p.code]}`;

export async function annotatedRecords(
  deps: Deps,
  p: Principal,
  uploadId: string,
): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const { meta, bytes } = await readUpload(deps, p, uploadId);
  const { file, sheets } = await checkRecords(deps, p, bytes);
  const out = await annotateWorkbook(
    bytes,
    file.format,
    sheets.map((s) => ({
      name: s.name,
      rows: s.rows,
      headerRow: s.header.headerRow,
      csvName: RECORD_SHEET_NAMES[s.header.kind],
      marks: s.checked.flatMap((c) =>
        c.problems.length === 0
          ? []
          : [
              {
                line: c.line,
                text: c.problems.map((pr) => recordProblemText(s.header.kind, pr)).join('；'),
                columns: c.problems.flatMap((pr) => {
                  const at = s.header.columns[pr.field];
                  return at === undefined ? [] : [at];
                }),
              },
            ],
      ),
    })),
  );
  return { fileName: annotatedName(meta.fileName), bytes: out };
}
