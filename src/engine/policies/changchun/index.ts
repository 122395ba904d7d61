// TEMPORARY scaffold: replaced by the real 长春新区 rules in this same change.
import { ParamTable } from '../../params';
import type { Policy } from '../../types';

const todo = (): never => { throw new Error('长春新区 rules not written yet'); };

export const changchun: Policy = {
  id: 'changchun-xinqu-2020', name: '长春新区', title: '', doc: '', aliases: ['changchun'], posts: [], params: new ParamTable('长春新区', []),
  checkInForce: todo, countedYears: todo, grade: todo, pay: todo, staffing: todo, exitTriggers: todo, excellentQuota: todo, recruitment: todo,
};
