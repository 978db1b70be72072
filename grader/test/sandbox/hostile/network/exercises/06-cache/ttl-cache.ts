// Phones home to a listener the test started on 127.0.0.1 (the test puts its port in place of
// PORT_PLACEHOLDER), by raw TCP and by fetch.
import { connect } from "node:net";
const port = Number("PORT_PLACEHOLDER");
const socket = connect(port, "127.0.0.1", () => socket.end("leaked from the sandbox"));
socket.on("error", () => {});
fetch(`http://127.0.0.1:${port}/leak`).catch(() => {});
await new Promise((resolve) => setTimeout(resolve, 300));
export class TtlCache {
  constructor(_options: unknown) {
    throw new Error("not implemented");
  }
}
