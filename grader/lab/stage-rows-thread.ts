/**
 * Entry of the stage-rows thread (stage-rows-worker.mjs): the kit loads before lockdown freezes
 * the intrinsics (mutant files import it), as in the CLI; then the rows run (stage-rows.ts).
 */
import "../kit/index.ts";
import { lockdownOnce } from "../kit/boundary/realm.ts";
import { runRows, type RowsMessage, type RowsRequest } from "./stage-rows.ts";

export async function runRowsThread(request: RowsRequest, post: (message: RowsMessage) => void): Promise<void> {
  lockdownOnce();
  try {
    await runRows(request, post);
  } catch (error) {
    post({ kind: "failed", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
}
