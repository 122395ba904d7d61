import { DayNumber, addMonths, isoOf, startOfNextMonth, wholeYearsBetween } from './dates';
import { Citation } from './citation';
import { Trace } from './trace';
import type { Worker } from './types';
import type { RatingsByYear } from './vocab/ratings';
import { required } from './errors';

/**
 * Whole anniversaries from entry to `to`, and whether `to` is exactly an anniversary.
 * Used where "a part year counts as a whole year" (不满1年按1年计算).
 */
export function yearsRoundedUp(entry: DayNumber, to: DayNumber): { whole: number; exact: boolean; counted: number } {
  const whole = wholeYearsBetween(entry, to);
  const exact = addMonths(entry, whole * 12) === to;
  return { whole, exact, counted: exact ? whole : whole + 1 };
}

/**
 * The post whose pay applies at `asOf`: a change of post takes effect from the month after
 * `postDate`, so within the month of the change the previous post still applies.
 */
export function postInEffect(w: Worker, trace: Trace, citation: Citation, warnings: string[]): string {
  const post = required(w.post, 'post', '岗位类别（post）');
  if (w.postDate !== null && w.asOf < startOfNextMonth(w.postDate)) {
    if (w.previousPost !== null) {
      trace.add('岗位变动', `${isoOf(w.postDate)} 起任${post}，次月起调整；计算日仍按原岗位 ${w.previousPost}`, citation);
      return w.previousPost;
    }
    warnings.push(`岗位于 ${isoOf(w.postDate)} 变动，应从次月起调整；未提供原岗位（previousPost），按现岗位 ${post} 计算。`);
  }
  return post;
}

const NO_RUNS: { longest: number; total: number; years: number[] } = Object.freeze({ longest: 0, total: 0, years: Object.freeze([]) as unknown as number[] });

/** Lengths of the longest run of consecutive years with this rating, and the total count. */
export function ratingRuns(ratings: RatingsByYear, grade: string, beforeYear = Infinity): { longest: number; total: number; years: number[] } {
  const years: number[] = [];
  for (const [y, r] of ratings) if (r === grade && y < beforeYear) years.push(y);
  if (years.length === 0) return NO_RUNS;
  years.sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < years.length; i++) {
    run = i > 0 && years[i] === years[i - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return { longest, total: years.length, years };
}
