// TEMPORARY scaffold: replaced by the real 厦门 rules in this same change.
import { ParamTable } from '../../params';
import type { Policy } from '../../types';

const todo = (): never => { throw new Error('厦门 rules not written yet'); };

export const xiamen: Policy = {
  id: 'xiamen-2020', name: '厦门', title: '', doc: '', aliases: ['xiamen'], posts: [], params: new ParamTable('厦门', []),
  checkInForce: todo, countedYears: todo, grade: todo, pay: todo, staffing: todo, exitTriggers: todo, excellentQuota: todo, recruitment: todo,
};
