/**
 * The roster's units — communities, streets (街道/乡镇), counties (区县/开发区) — with their table facts
 * and what their worker rows add up to, and the index that places a worker row in its community.
 */
import type { UnitFacts } from '../types';
import { UnitCounts } from './counts';

const SEP = '\u0001';

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
  /** 星级 of the community party organisation (宁夏 星级补贴), from the community table. */
  star: number | null = null;
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
  /** Worker rows placed in its communities. */
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

/**
 * The units of one roster in roster order, and where a worker row's 区县/街道/社区 cells place it:
 * the community table's communities first, then communities as worker rows name them.
 */
export class UnitIndex {
  readonly communities = new Map<string, CommunityUnit>();
  readonly streets = new Map<string, StreetUnit>();
  readonly counties = new Map<string, CountyUnit>();
  private readonly byStreetCommunity = new Map<string, CommunityUnit | null>();
  private readonly byName = new Map<string, CommunityUnit | null>();
  private readonly resolved = new Map<string, CommunityUnit | null>();

  /** The county unit of a name, created on first use. */
  county(county: string): CountyUnit {
    let c = this.counties.get(county);
    if (!c) this.counties.set(county, (c = new CountyUnit(county, this.counties.size)));
    return c;
  }

  /** The street unit of a county and street name, created on first use. */
  street(county: string, street: string): StreetUnit {
    const key = county + SEP + street;
    let s = this.streets.get(key);
    if (!s) {
      this.streets.set(key, (s = new StreetUnit(key, county, street, this.streets.size)));
      this.county(county).streets.push(s);
    }
    return s;
  }

  /** The community of exactly these names, if any. */
  exact(county: string, street: string, community: string): CommunityUnit | undefined {
    return this.communities.get(county + SEP + street + SEP + community);
  }

  /** Adds a community under its street and county. */
  add(county: string, street: string, community: string): CommunityUnit {
    const key = county + SEP + street + SEP + community;
    const u = new CommunityUnit(key, county, street, community, this.communities.size);
    this.communities.set(key, u);
    this.link(u);
    const sc = street + SEP + community;
    this.byStreetCommunity.set(sc, this.byStreetCommunity.has(sc) ? null : u);
    this.byName.set(community, this.byName.has(community) ? null : u);
    return u;
  }

  /**
   * The community a worker row names. A row may leave 区县 or 街道 blank (or the community table may):
   * a unique community of that name (and street) is the one meant, and a table community without a
   * street or county takes them from its first worker row that gives them. Null for a blank 社区.
   */
  place(county: string, street: string, community: string): CommunityUnit | null {
    if (community === '') return null;
    const key = county + SEP + street + SEP + community;
    const known = this.resolved.get(key);
    if (known !== undefined) return known;
    let u = this.communities.get(key) ?? null;
    if (!u) {
      const cand = (street ? this.byStreetCommunity.get(street + SEP + community) : undefined) ?? this.byName.get(community) ?? null;
      if (cand && (!county || !cand.county || county === cand.county) && (!street || !cand.street || street === cand.street)) {
        u = cand;
        this.adopt(u, county, street);
      }
    }
    if (!u) u = this.communities.get(key) ?? this.add(county, street, community);
    this.resolved.set(key, u);
    return u;
  }

  /** Drops the streets and counties left empty (a table community that took its street or county from the rows). */
  prune(): void {
    for (const [k, s] of this.streets) if (s.communities.length === 0 && s.workers === 0) this.streets.delete(k);
    for (const [k, c] of this.counties) if (c.communities.length === 0 && c.counts.workers === 0 && c.row === null) this.counties.delete(k);
  }

  private link(u: CommunityUnit): void {
    u.streetUnit = this.street(u.county, u.street);
    u.countyUnit = this.county(u.county);
    u.streetUnit.communities.push(u);
    u.countyUnit.communities.push(u);
  }

  private adopt(u: CommunityUnit, county: string, street: string): void {
    const c = u.county || county;
    const s = u.street || street;
    if (c === u.county && s === u.street) return;
    const drop = <T>(list: T[], x: T) => list.splice(list.indexOf(x), 1);
    drop(u.streetUnit.communities, u);
    drop(u.countyUnit.communities, u);
    u.county = c;
    u.street = s;
    this.link(u);
  }
}
