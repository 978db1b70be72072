/**
 * Routing users between data centers, as a geoDNS service does.
 *
 * `route` sends a user to the nearest healthy data center by great-circle distance (the shortest
 * path over the Earth's surface, treated as a sphere). `split` spreads users over the healthy data
 * centers in proportion to their weights (the "x% to US-East, (100 − x)% to US-West" split) and
 * keeps each user on the same data center while the healthy set is unchanged. When one data
 * center fails, only the users it served move, for `route` and for `split`.
 */

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
  /**
   * All data centers start healthy. Throws RangeError for a duplicate id or a weight that is not
   * a finite number > 0.
   */
  constructor(dataCenters: DataCenter[]) {
    notImplemented("new GeoRouter()");
  }

  /**
   * The id of the healthy data center nearest to `location` (degrees) by great-circle distance.
   * Mind the poles and the antimeridian: longitude 179.9 and -179.9 are 0.2° apart. A data
   * center within 1e-9 radians of the nearest one counts as nearest (the grader's tolerance).
   * @throws NoHealthyDataCenterError when no data center is healthy.
   */
  route(location: { lat: number; lon: number }): string {
    notImplemented("GeoRouter.route");
  }

  /**
   * A sticky weighted choice among the healthy data centers. Over 20 000 users, each healthy
   * data center receives within 3 percentage points of weight / (total healthy weight) of them;
   * the same user always gets the same answer while the healthy set is unchanged; and when a
   * data center fails, only the users it served move (each to a healthy data center).
   * @throws NoHealthyDataCenterError when no data center is healthy.
   */
  split(userId: string): string {
    notImplemented("GeoRouter.split");
  }

  /** Marks a data center healthy (true) or failed (false). Throws RangeError for an unknown id. */
  setHealthy(id: string, ok: boolean): void {
    notImplemented("GeoRouter.setHealthy");
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/09-data-centers/geo-router.ts`);
}
