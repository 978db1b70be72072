/**
 * Regions and the edge (chapters 01, 07, 09): DNS answers through the learner's DnsCache and
 * GeoRouter, static files through the CDN edges, and the scenario's faults.
 */
import { first } from "./observations.ts";
import { P } from "./parameters.ts";
import type { Scenario } from "./scenarios/index.ts";
import type { Simulation } from "./system.ts";
import { fail, served } from "./telemetry.ts";
import { DC_SPECS, HOST, type Region } from "./topology.ts";

/** The authoritative answer for a region: its nearest healthy data center (GeoRouter), else the first. */
export function answer(sim: Simulation, region: Region): number {
  if (!sim.geo) return 0;
  const id = sim.guard("09-data-centers", "geo-router", () => sim.geo.route({ lat: region.lat, lon: region.lon }), "us-east");
  const index = DC_SPECS.findIndex((d) => d.id === id);
  return index >= 0 && index < sim.dcs.length ? index : 0;
}

export function lookup(sim: Simulation, region: Region, _name: string): Promise<{ address: string; ttlSeconds: number }> {
  region.lookups++;
  region.answeredAt = sim.world.now;
  return Promise.resolve({ address: `10.${answer(sim, region)}.0.1`, ttlSeconds: P.dnsTtlS });
}

export function resolveAll(sim: Simulation): void {
  for (const region of sim.regions) {
    if (!region.dns) {
      region.dc = answer(sim, region);
      continue;
    }
    const before = region.lookups;
    sim.obs.dnsResolves++;
    const promise = sim.guard("01-single-server", "dns-cache", () => region.dns.resolve(HOST), undefined);
    if (region.lookups === before && sim.world.now >= region.answeredAt + P.dnsTtlS * 1000 && !sim.obs.dnsStale) {
      sim.obs.dnsStale = { atS: sim.world.now / 1000, detail: `region ${region.name} was answered from the cache ${((sim.world.now - region.answeredAt) / 1000).toFixed(1)} s after the lookup, past the ${P.dnsTtlS} s TTL` };
    }
    promise?.then((address: string) => {
      const dc = Number(/^10\.(\d+)\./.exec(String(address))?.[1] ?? 0);
      region.dc = dc < sim.dcs.length ? dc : 0;
    }, (e: unknown) => sim.obs.componentError("01-single-server", "dns-cache", e, sim.world.now / 1000));
  }
}

export function makeStaticUrls(sim: Simulation): void {
  for (let i = 0; i < sim.staticFiles; i++) {
    const url = sim.guard("07-cdn", "cdn-client", () => String(sim.c.versionedUrl(`/static/f${i}.js`, `f${i}@v${sim.staticVersion}`)), `/static/f${i}.js`);
    sim.staticUrls[i] = url;
    sim.urlVersion.set(url, sim.staticVersion);
  }
}

export function staticFromCdn(sim: Simulation, region: Region, now: number, bucket: number): void {
  const u = sim.world.random();
  const file = Math.floor(sim.staticFiles * u * u);
  const url = sim.staticUrls[file]!;
  const expected = sim.urlVersion.get(url);
  let promise: any;
  try {
    promise = region.edge.get(url);
  } catch (error) {
    sim.obs.componentError("07-cdn", "edge-cache", error, now / 1000);
    return fail(sim, bucket, now);
  }
  sim.cdnBytes += P.staticKb * sim.k;
  promise.then((response: any) => {
    sim.obs.cdnAnswers++;
    const hit = response?.cache === "HIT";
    if (hit) sim.obs.cdnHits++;
    const body = String(response?.body ?? "");
    if (response?.status === 200 && body !== `f${file}@v${expected}` && !body.endsWith(`@v${sim.staticVersion}`)) {
      sim.obs.staleServed++;
      sim.obs.staleFirst = first(sim.obs.staleFirst, now / 1000, `${url} was answered with the old file "${body}" (expected version ${expected})`);
    }
    served(sim, bucket, P.cdnMs + (hit ? 0 : P.rttCrossRegionMs));
  }, (e: unknown) => {
    sim.obs.componentError("07-cdn", "edge-cache", e, now / 1000);
    fail(sim, bucket, now);
  });
}

export function applyFault(sim: Simulation, fault: Scenario["faults"][number]): void {
  const now = sim.world.now;
  const dc0 = sim.dcs[0]!;
  dc0.log.push({ timestamp: now, text: `fault: ${fault.kind}` });
  if (fault.kind === "server-dies") {
    const victim = dc0.ready.find((s) => s.alive);
    if (victim) {
      victim.alive = false;
      sim.obs.backendDeaths++;
      if (!sim.on[4]) sim.obs.deadServerKeptFromS ??= now / 1000;
    }
  } else if (fault.kind === "primary-dies") {
    dc0.db.primaryDies(now);
  } else if (fault.kind === "deploy") {
    sim.staticVersion++;
    if (sim.on[7]) makeStaticUrls(sim);
  } else if (fault.kind === "region-dark") {
    const index = DC_SPECS.findIndex((d) => d.id === fault.dataCenter);
    const dc = sim.dcs[index];
    if (!dc) return;
    sim.obs.darkFaults++;
    dc.dark = true;
    sim.world.at(now + P.dcDetectS * 1000, () => sim.geo && sim.guard("09-data-centers", "geo-router", () => sim.geo.setHealthy(dc.id, false), undefined), true);
    sim.darkUntil = now + fault.forS * 1000;
    sim.darkDc = index;
    sim.world.at(now + fault.forS * 1000, () => (dc.dark = false), true);
    sim.world.at(now + (fault.forS + P.dcDetectS) * 1000, () => sim.geo && sim.guard("09-data-centers", "geo-router", () => sim.geo.setHealthy(dc.id, true), undefined), true);
    sim.darkDeadline = now + (P.dcDetectS + P.dnsTtlS + P.dnsResolveEveryS + 1) * 1000;
  }
}
