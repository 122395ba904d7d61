import { parseResidentId, idCheckChar } from './idcard';
import { isoOf } from './dates';

describe('resident ID numbers (GB 11643, ISO 7064 MOD 11-2)', () => {
  test('the standard example 11010519491231002X: born 1949-12-31, female', () => {
    const id = parseResidentId('11010519491231002X');
    expect(isoOf(id.birthDate)).toBe('1949-12-31');
    expect(id.sex).toBe('女');
    expect(id.region).toBe('110105');
  });

  test('check characters, including X, and lower-case x accepted', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    const male = '21050219800101001';
    const full = male + idCheckChar(male);
    expect(parseResidentId(full).sex).toBe('男');
    expect(parseResidentId('11010519491231002x').id).toBe('11010519491231002X');
  });

  test.each([
    ['110105194912310021', /校验位错误/],
    ['1101051949123100', /18位/],
    ['11010519490231002X', /不是实际存在的日期/],
    ['A1010519491231002X', /18位/],
  ])('%s is rejected: %s', (id, msg) => {
    expect(() => parseResidentId(id)).toThrow(msg);
  });
});
