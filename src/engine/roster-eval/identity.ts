/** A row's identity: 身份证号 (valid, not repeated), 性别 and 出生日期, each cross-checked with the ID. */
import { CwError } from '../errors';
import { civilOf, isoOf } from '../dates';
import type { DayNumber } from '../dates';
import { parseResidentId } from '../idcard';
import { sexOf } from '../retirement';
import type { Sex } from '../types';
import { isBlank } from '../roster/cells';
import { dateCell, MONTH_ONLY } from './cells';
import { findingAt, ID_STANDARD, NOTES } from './findings';
import type { Columns, RowReader } from './row-reader';

/** What the identity cells give. */
export interface Identity {
  sex: Sex | null;
  birthDate: DayNumber | null;
  /** True for a valid resident ID, false for a blank or invalid one, null when the roster has no ID column. */
  idNumberOk: boolean | null;
}

/** Reads 身份证号, 性别 and 出生日期; the ID supplies birth date and sex when those cells are blank. */
export function readIdentity(r: RowReader, c: Columns, rowNo: number, name: string): Identity {
  const { ctx, out, place } = r;
  const { header } = ctx;
  const cell = (i: number) => r.at(i);
  let idBirth: DayNumber | null = null;
  let idSex: Sex | null = null;
  let idNumberOk: boolean | null = null;
  if (c.idNumber >= 0) {
    const v = cell(c.idNumber);
    idNumberOk = false;
    if (isBlank(v)) {
      r.missing('idNumber', 'warning', '无法校验身份，也无法核对出生日期和性别', '按身份证填写18位公民身份号码（以文本格式录入）。');
    } else {
      try {
        const id = parseResidentId(v, header.idNumber);
        idBirth = id.birthDate;
        idSex = id.sex;
        idNumberOk = true;
        const first = ctx.ids.get(id.id);
        if (first) {
          out.push(findingAt(place, {
            severity: 'error', rule: '身份证号重复', citation: ID_STANDARD,
            message: `身份证号 ${id.id} 与第${first.row}行（${first.name || '未填姓名'}）相同：同一人不应在花名册中出现两次，或其中一个号码录错。`,
            action: '核对两行是否为同一人；重复的删去一行，录错的按身份证更正。',
          }, { column: header.idNumber }));
        } else {
          ctx.ids.set(id.id, { row: rowNo, name });
        }
      } catch (e) {
        if (!(e instanceof CwError)) throw e;
        const asNumber = typeof v === 'number' ? '该单元格是数字：Excel 只保留15位有效数字，18位号码已失真。请把单元格设为文本后重新录入。' : '';
        out.push(findingAt(place, {
          severity: 'error', rule: '身份证号', citation: ID_STANDARD, message: e.message,
          action: asNumber || '按身份证原件核对并更正号码（18位，末位校验码可能是X）。',
        }, { column: header.idNumber }));
      }
    }
  }

  let sex: Sex | null = null;
  const sexCell = cell(c.sex);
  if (sexCell === '男' || sexCell === '女') sex = sexCell;
  else if (c.sex >= 0 && !isBlank(sexCell)) {
    try {
      sex = sexOf(sexCell, header.sex);
    } catch (e) {
      r.bad('sex', e, '填写“男”或“女”。');
    }
  }
  if (sex !== null && idSex !== null && sex !== idSex) {
    out.push(findingAt(place, {
      severity: 'error', rule: '身份证号与性别', citation: NOTES('通用-身份证号'),
      message: `${header.sex}为“${sex}”，但身份证号第17位表示“${idSex}”（奇数为男，偶数为女）：二者不一致。`,
      action: '按身份证原件核对性别和身份证号，更正录错的一项（性别影响法定退休年龄）。',
    }, { column: header.sex }));
  }
  sex ??= idSex;

  let birthDate: DayNumber | null = null;
  if (c.birthDate >= 0 && !isBlank(cell(c.birthDate))) {
    const v = cell(c.birthDate);
    try {
      birthDate = dateCell(v, header.birthDate, 1920);
      if (idBirth !== null && birthDate !== idBirth) {
        const monthOnly = typeof v === 'string' && MONTH_ONLY.test(v.trim());
        const a = civilOf(birthDate);
        const b = civilOf(idBirth);
        if (!monthOnly || a.y !== b.y || a.m !== b.m) {
          out.push(findingAt(place, {
            severity: 'error', rule: '身份证号与出生日期', citation: NOTES('通用-身份证号'),
            message: `${header.birthDate}为 ${monthOnly ? `${a.y}年${a.m}月` : isoOf(birthDate)}，但身份证号第7–14位的出生日期是 ${isoOf(idBirth)}：二者不一致。`,
            action: '按身份证原件核对出生日期和身份证号，更正录错的一项（出生日期决定法定退休时间）。',
          }, { column: header.birthDate }));
        } else {
          birthDate = idBirth;
        }
      }
    } catch (e) {
      r.bad('birthDate', e, '填写实际出生日期（如 1985-03-01），或以文本填写“1985.03”这样的年月。');
    }
  }
  birthDate ??= idBirth;
  return { sex, birthDate, idNumberOk };
}
