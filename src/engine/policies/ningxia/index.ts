// TEMPORARY scaffold: replaced by the real 宁夏 rules in this same change.
import { ParamTable } from '../../params';
import type { Policy } from '../../types';

const todo = (): never => { throw new Error('宁夏 rules not written yet'); };

export const ningxia: Policy = {
  id: 'ningxia-2024', name: '宁夏', title: '', doc: '', aliases: ['ningxia'], posts: [], params: new ParamTable('宁夏', []),
  checkInForce: todo, countedYears: todo, grade: todo, pay: todo, staffing: todo, exitTriggers: todo, excellentQuota: todo, recruitment: todo,
};
