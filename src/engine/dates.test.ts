import { parseDate, fromExcelSerial, toExcelSerial, isoOf, dayNumberOf, addMonths, wholeYearsBetween, endOfPreviousMonth, startOfNextMonth, wholeMonthsBetween } from './dates';
import { CwError } from './errors';

describe('Excel serials (1900 date system)', () => {
  test.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [45658, '2025-01-01'],
    [45762, '2025-04-15'],
    [2958465, '9999-12-31'],
  ])('serial %i is %s and back', (serial, iso) => {
    const day = fromExcelSerial(serial);
    expect(isoOf(day)).toBe(iso);
    expect(toExcelSerial(day)).toBe(serial);
  });

  test('serial 60 is the phantom 1900-02-29 and is rejected', () => {
    expect(() => fromExcelSerial(60)).toThrow(/1900-02-29/);
  });

  test('a time of day is ignored; 0, negatives and non-numbers are rejected', () => {
    expect(isoOf(fromExcelSerial(45762.75))).toBe('2025-04-15');
    for (const bad of [0, -1, NaN, Infinity, 3e6]) expect(() => fromExcelSerial(bad)).toThrow(CwError);
  });
});

describe('text dates', () => {
  test.each(['2015-03-01', '2015/3/1', '2015年3月1日', '2015.3.1', '20150301', ' 2015-3-1 ', '2015-03-01T00:00:00Z', '42064'])('%s is 2015-03-01', (text) => {
    expect(isoOf(parseDate(text))).toBe('2015-03-01');
  });

  test.each(['2023-02-30', '2023-02-29', '2023-13-01', '2023-04-31', '1899-12-31', '2023年2月30日'])('%s is impossible and rejected, not rolled over', (text) => {
    expect(() => parseDate(text, 'entryDate')).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field: 'entryDate' }));
  });

  test('29 February exists only in leap years', () => {
    expect(isoOf(parseDate('2024-02-29'))).toBe('2024-02-29');
    expect(isoOf(parseDate('2000-02-29'))).toBe('2000-02-29');
    expect(() => parseDate('1900-02-29')).toThrow(CwError);
    expect(() => parseDate('2100-02-29')).toThrow(CwError);
  });

  test('empty, garbage and wrong types get a message saying what is accepted', () => {
    expect(() => parseDate('')).toThrow(expect.objectContaining({ code: 'REQUIRED' }));
    expect(() => parseDate('明天')).toThrow(/可用/);
    expect(() => parseDate(true)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => parseDate({})).toThrow(CwError);
  });
});

describe('calendar arithmetic', () => {
  const d = (s: string) => parseDate(s);
  test('addMonths clamps to the month end', () => {
    expect(isoOf(addMonths(d('1960-01-31'), 1))).toBe('1960-02-29');
    expect(isoOf(addMonths(d('1965-03-15'), 721))).toBe('2025-04-15');
    expect(isoOf(addMonths(d('2023-12-31'), -1))).toBe('2023-11-30');
  });

  test('whole years count anniversaries on or before the date', () => {
    expect(wholeYearsBetween(d('2000-09-01'), d('2023-01-01'))).toBe(22);
    expect(wholeYearsBetween(d('2000-01-01'), d('2023-01-01'))).toBe(23);
    expect(wholeYearsBetween(d('2000-02-29'), d('2001-02-28'))).toBe(0);
    expect(wholeYearsBetween(d('2000-02-29'), d('2001-03-01'))).toBe(1);
    expect(wholeYearsBetween(d('2023-01-01'), d('2022-01-01'))).toBe(0);
    expect(wholeMonthsBetween(d('2023-01-31'), d('2023-02-28'))).toBe(0);
    expect(wholeMonthsBetween(d('2023-01-15'), d('2023-03-15'))).toBe(2);
  });

  test('month boundaries', () => {
    expect(isoOf(endOfPreviousMonth(d('2024-03-15')))).toBe('2024-02-29');
    expect(isoOf(endOfPreviousMonth(d('2024-01-01')))).toBe('2023-12-31');
    expect(isoOf(startOfNextMonth(d('2024-12-31')))).toBe('2025-01-01');
    expect(dayNumberOf(2023, 2, 30)).toBeNaN();
  });
});
