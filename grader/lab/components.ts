/**
 * Which stages are in, and the learner's (or the reference, or a submission's) components for
 * them, loaded only through `loadImplementation` (kit/load.ts): behind the same boundary as
 * grading. The caller must have locked the realm down first (boundary/realm.ts).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readProgress } from "../course/progress-store.ts";
import { loadImplementation, type Loaded } from "../kit/load.ts";
import { repoRoot, type RunSettings } from "../kit/settings.ts";
import { loadCourse } from "../manifest/load.ts";

/** The exercises the lab composes, per chapter, and the export it uses from each. */
export const LAB_COMPONENTS: Record<string, Record<string, string>> = {
  "01-single-server": { "dns-cache": "DnsCache" },
  "02-database-tier": { "connection-pool": "ConnectionPool" },
  "03-scaling": { autoscaler: "Autoscaler", "capacity-plan": "serversNeeded" },
  "04-load-balancer": { "load-balancer": "LoadBalancer", "health-checker": "HealthChecker" },
  "05-replication": { "replication-cluster": "ReplicationCluster", "replica-router": "ReplicaRouter" },
  "06-cache": { "read-through": "ReadThroughCache" },
  "07-cdn": { "edge-cache": "EdgeCache", "cdn-client": "versionedUrl" },
  "08-stateless-web": { "session-manager": "SessionManager" },
  "09-data-centers": { "geo-router": "GeoRouter" },
  "10-message-queue": { "message-queue": "MessageQueue", "worker-scaler": "workersNeeded" },
  "11-observability": { "latency-sketch": "LatencySketch", "alert-rule": "AlertRule", "log-merge": "mergeLogs" },
  "12-sharding": { "hash-ring": "HashRing", "shard-router": "ShardRouter" },
};

export const LAB_CHAPTERS = Object.keys(LAB_COMPONENTS);

export type LabSource =
  | { kind: "learner"; home: string; stage?: number }
  | { kind: "solutions"; stage?: number; mutant?: { id: string; name: string } }
  | { kind: "submission"; dir: string; stage?: number };

export interface StagePlan {
  chapter: string;
  title: string;
  in: boolean;
  reason?: string;
  /** Chapter 01 without a working DnsCache: the lab's built-in resolver stands in. */
  builtIn?: boolean;
}

/** Component export name -> the loaded export (a membrane view of the learner's). */
export type Components = Record<string, any>;

function settingsFor(source: LabSource, id: string): RunSettings {
  const base: RunSettings = { seed: 0, runs: 1, timeoutMs: 10_000, budgetMs: 60_000, targetRoot: join(repoRoot, "solutions"), overrides: {} };
  if (source.kind === "learner") base.targetRoot = join(source.home, "exercises");
  if (source.kind === "submission") base.targetRoot = source.dir;
  if (source.kind === "solutions" && source.mutant?.id === id) base.mutant = source.mutant.name;
  return base;
}

/** A mutant the lab would not run (unknown exercise, beyond --stage) is a usage error, never a silent no-op. */
function checkMutantTarget(source: LabSource): void {
  if (source.kind !== "solutions" || !source.mutant) return;
  const { id, name } = source.mutant;
  const [chapterId, slug] = id.split("/");
  const known = Object.entries(LAB_COMPONENTS).flatMap(([chapter, exports]) => Object.keys(exports).map((s) => `${chapter}/${s}`));
  if (!chapterId || !slug || !LAB_COMPONENTS[chapterId]?.[slug]) throw new Error(`mutant ${id}:${name}: the lab does not use exercise "${id}"; it uses ${known.join(", ")}`);
  const number = LAB_CHAPTERS.indexOf(chapterId) + 1;
  if (source.stage !== undefined && number > source.stage) throw new Error(`mutant ${id}:${name}: chapter ${number} is beyond --stage ${source.stage}, so the mutant would not run`);
}

/** Decides which stages are in and loads their components. Throws when a mutant is asked for
 *  that does not exist or cannot be loaded (a typo must not quietly lock its stage). */
export async function planStages(source: LabSource): Promise<{ plan: StagePlan[]; components: Components }> {
  checkMutantTarget(source);
  const course = loadCourse();
  const progress = source.kind === "learner" ? readProgress(join(source.home, ".progress.json")) : undefined;
  const plan: StagePlan[] = [];
  const components: Components = {};
  const chapters = LAB_CHAPTERS.map((chapterId, index) => {
    const chapter = course.chapters.find((c) => c.id === chapterId)!;
    const number = index + 1;
    let reason: string | undefined;
    if (source.stage !== undefined) {
      if (number > source.stage) reason = `beyond --stage ${source.stage}`;
    } else if (progress) {
      const failing = chapter.exercises.filter((e) => progress.exercises[e.id]?.passed !== true);
      if (failing.length > 0) reason = `${failing.map((e) => e.id.split("/")[1]).join(", ")} ${failing.length === 1 ? "does" : "do"} not pass ${failing.length === 1 ? "its grader" : "their graders"} yet`;
    }
    return { chapterId, chapter, number, reason };
  });
  // Every component starts loading at once (esbuild bundles them side by side, where one after
  // another the process mostly waited for it); they are taken in order below.
  const loading = new Map<string, Promise<Loaded<Record<string, unknown>>>>();
  for (const { chapterId, reason } of chapters) {
    if (reason) continue;
    for (const slug of Object.keys(LAB_COMPONENTS[chapterId]!)) {
      const id = `${chapterId}/${slug}`;
      const load = loadImplementation<Record<string, unknown>>(id, settingsFor(source, id));
      load.catch(() => {}); // awaited below unless an earlier exercise of its chapter failed
      loading.set(id, load);
    }
  }
  for (const { chapterId, chapter, number, reason: gate } of chapters) {
    let reason = gate;
    if (!reason) {
      for (const [slug, exportName] of Object.entries(LAB_COMPONENTS[chapterId]!)) {
        const id = `${chapterId}/${slug}`;
        const loaded = await loading.get(id)!;
        if (!loaded.ok) {
          if (source.kind === "solutions" && source.mutant?.id === id) throw new Error(`mutant ${id}:${source.mutant.name}: ${loaded.reason}`);
          reason = loaded.reason;
          break;
        }
        components[exportName] = loaded.module[exportName];
      }
    }
    const stage: StagePlan = { chapter: chapterId, title: chapter.title, in: !reason, reason };
    if (number === 1 && reason) {
      // The baseline always runs: one server and a resolver; the lab's own stands in.
      stage.in = true;
      stage.builtIn = true;
    }
    if (!stage.in && number === 1) stage.in = true;
    plan.push(stage);
  }
  return { plan, components };
}

export function submissionExists(dir: string): boolean {
  return existsSync(dir);
}
