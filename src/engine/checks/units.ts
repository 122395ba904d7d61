import type { UnitFacts } from '../types';
import { UnitCounts } from './counts';

/** 优秀 ratings tallied for one unit and year. */
export class RatingTally {
  rated = 0;
  excellent = 0;
  /** Sheet rows of the 优秀, to jump to (kept up to 200). */
  readonly rows: number[] = [];
}

/** Tallies per rated year. */
export class RatingsByYear {
  readonly years = new Map<number, RatingTally>();
  tally(year: number): RatingTally {
    let t = this.years.get(year);
    if (!t) this.years.set(year, (t = new RatingTally()));
    return t;
  }
}

/** One community: its table row and figures, and what its worker rows add up to. */
export class CommunityUnit {
  readonly counts = new UnitCounts();
  readonly ratings = new RatingsByYear();
  /** Row in the community table, or null when only worker rows name it. */
  row: number | null = null;
  facts: UnitFacts = {};
  reservePool: number | null = null;
  /** Workers by certificate level: [none, 助理, 社工师, 高级]. */
  readonly certificates = [0, 0, 0, 0];
  hall = 0;
  /** Its street and county units (set when the unit is created). */
  streetUnit!: StreetUnit;
  countyUnit!: CountyUnit;
  constructor(
    readonly key: string,
    /** County and street: the community table's, or the worker rows' when the table leaves them blank. */
    public county: string,
    public street: string,
    readonly community: string,
    readonly ord: number,
  ) {}
}

/** One street (街道/乡镇): its communities, 优秀 tallies, reserve pool, pay. */
export class StreetUnit {
  readonly ratings = new RatingsByYear();
  readonly communities: CommunityUnit[] = [];
  workers = 0;
  payTotal = 0;
  payCount = 0;
  constructor(readonly key: string, readonly county: string, readonly street: string, readonly ord: number) {}
}

/** One county (区县/开发区). */
export class CountyUnit {
  readonly counts = new UnitCounts();
  readonly streets: StreetUnit[] = [];
  readonly communities: CommunityUnit[] = [];
  certified = 0;
  /** Sum and count of the 现薪酬 cells of its workers (the pay-level rules compare their average). */
  payTotal = 0;
  payCount = 0;
  /** Row in the county table and its figures, when the roster has one. */
  row: number | null = null;
  tableFacts: UnitFacts = {};
  constructor(readonly county: string, readonly ord: number) {}
}
