// TEMPORARY scaffold: replaced by the real 通州 rules in this same change.
import { ParamTable } from '../../params';
import type { Policy } from '../../types';

const todo = (): never => { throw new Error('通州 rules not written yet'); };

export const tongzhou: Policy = {
  id: 'tongzhou-draft', name: '通州', title: '', doc: '', aliases: ['tongzhou'], posts: [], params: new ParamTable('通州', []),
  checkInForce: todo, countedYears: todo, grade: todo, pay: todo, staffing: todo, exitTriggers: todo, excellentQuota: todo, recruitment: todo,
};
