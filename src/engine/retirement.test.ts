import { retirementOf, delayMonthsFor } from './retirement';
import { parseDate, isoOf } from './dates';

const born = (s: string) => parseDate(s);

describe('national gradual retirement schedule (docs/readings.md §1)', () => {
  test('worked example: a man born 1965-03-15 retires at 60y1m on 2025-04-15', () => {
    const r = retirementOf(born('1965-03-15'), '男');
    expect(r.delayMonths).toBe(1);
    expect(isoOf(r.date)).toBe('2025-04-15');
  });

  test.each([
    ['男', 60, '1964-12-31', 0],
    ['男', 60, '1965-01-01', 1],
    ['男', 60, '1965-04-30', 1],
    ['男', 60, '1965-05-01', 2],
    ['男', 60, '1976-08-01', 35],
    ['男', 60, '1976-09-01', 36],
    ['男', 60, '1990-01-01', 36],
    ['女', 55, '1969-12-31', 0],
    ['女', 55, '1970-01-01', 1],
    ['女', 55, '1981-09-01', 36],
    ['女', 50, '1974-12-31', 0],
    ['女', 50, '1975-01-01', 1],
    ['女', 50, '1975-03-01', 2],
    ['女', 50, '1984-10-01', 59],
    ['女', 50, '1984-11-01', 60],
    ['女', 50, '1995-01-01', 60],
  ] as const)('%s, original %i, born %s → +%i months', (sex, age, birth, delay) => {
    expect(delayMonthsFor(born(birth), sex, age)).toBe(delay);
  });

  test('women default to 55 (管理和专业技术岗位); 50 on request; month-end births clamp', () => {
    expect(retirementOf(born('1970-01-31'), '女').originalAge).toBe(55);
    expect(isoOf(retirementOf(born('1970-01-31'), '女').date)).toBe('2025-02-28');
    expect(isoOf(retirementOf(born('1975-01-10'), '女', 50).date)).toBe('2025-02-10');
  });

  test('an original age that does not exist for the sex is an error', () => {
    expect(() => retirementOf(born('1970-01-01'), '男', 55)).toThrow(/原法定退休年龄/);
  });
});
