/** A scenario: load and faults scripted in virtual time. Each lives in its own short file. */
export type Fault =
  | { atS: number; kind: "server-dies" } // the busiest web server of the first data center stops
  | { atS: number; kind: "primary-dies" } // the primary database of shard 0 stops
  | { atS: number; kind: "region-dark"; dataCenter: "us-east" | "eu-west"; forS: number }
  | { atS: number; kind: "deploy" }; // every static file gets new content

export interface Scenario {
  name: string;
  summary: string;
  durationS: number;
  /** Total requests per second over time: [seconds, rps] points, linear in between. */
  load: [number, number][];
  /** Share of users in each region: the rest are in "eu". */
  usShare: number;
  /** Share of requests that are writes; the rest of the dynamic ones are reads. */
  writeShare: number;
  /** Users whose data is read; key popularity follows a power law over them. */
  users: number;
  /** A celebrity: this user id gets `share` of all reads and writes. */
  celebrity?: { userId: number; share: number };
  /** p99 the system should keep, in ms; after a load step it must be back under within the autoscaler's window. */
  p99TargetMs: number;
  faults: Fault[];
}
