/**
 * Seeded randomness for the generator: one xoroshiro128+ stream per run (Random), and the weighted
 * pools that pick link targets by preferential attachment, overall (Pool) or per country
 * (CountryPool). Nothing here reads a clock or Math.random, so a seed fixes every draw.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export class Random {
  private readonly g: RandomGenerator;
  constructor(seed: number) {
    this.g = xoroshiro128plus(seed);
    // xoroshiro's first outputs follow the seed closely; a jump decorrelates nearby seeds.
    (this.g as RandomGenerator & { jump(): void }).jump();
  }
  int(min: number, max: number): number {
    return uniformInt(this.g, min, max);
  }
  float(): number {
    return uniformFloat64(this.g);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** Index drawn in proportion to weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
  /** A whole number with the given mean and an exponential tail. */
  count(mean: number): number {
    return Math.floor(-mean * Math.log(1 - this.float()) + 0.5);
  }
  /** Pareto factor with mean 1: most nodes are quiet, a few very active. */
  activity(alpha = 2.2): number {
    return (1 - this.float()) ** (-1 / alpha) * ((alpha - 1) / alpha);
  }
}

/**
 * Preferential attachment: `items` are the candidates, `hits` holds one entry per link a
 * candidate already has, so picking from hits favours the well connected. A share of uniform
 * picks keeps newcomers reachable.
 */
export class Pool {
  readonly items: number[] = [];
  private readonly hits: number[] = [];
  constructor(private readonly uniformShare = 0.3) {}
  add(x: number, weight = 0): void {
    this.items.push(x);
    for (let k = 0; k < weight; k++) this.hits.push(x);
  }
  pick(rng: Random): number {
    if (this.items.length === 0) return -1;
    if (this.hits.length === 0 || rng.float() < this.uniformShare)
      return this.items[rng.int(0, this.items.length - 1)]!;
    return this.hits[rng.int(0, this.hits.length - 1)]!;
  }
  hit(x: number): void {
    this.hits.push(x);
  }
}

/** A pool per country plus a global one; picks stay home unless `cross` says otherwise. */
export class CountryPool {
  readonly all: Pool;
  readonly byCountry: Pool[];
  constructor(countries: number, uniformShare = 0.3) {
    this.all = new Pool(uniformShare);
    this.byCountry = Array.from({ length: countries }, () => new Pool(uniformShare));
  }
  add(x: number, country: number, weight = 0): void {
    this.all.add(x, weight);
    this.byCountry[country]!.add(x, weight);
  }
  pick(rng: Random, country: number, cross: number): number {
    const home = this.byCountry[country];
    if (home && home.items.length > 0 && !rng.chance(cross)) return home.pick(rng);
    return this.all.pick(rng);
  }
  hit(x: number, country: number): void {
    this.all.hit(x);
    this.byCountry[country]?.hit(x);
  }
}
