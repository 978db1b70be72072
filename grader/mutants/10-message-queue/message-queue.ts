import { defineMutants } from "../../kit/index.ts";

export default defineMutants("10-message-queue/message-queue", [
  {
    name: "reuses-freed-id",
    bug: "send gives the lowest id no live message holds, so an acked or dead-lettered message's id is handed out again",
    kills: "send returns an id no other message of the queue has had",
    edits: [["    const id = `msg-${seq}`;", "    let free = 1;\n    while (this.messages.has(`msg-${free}`)) free++;\n    const id = `msg-${free}`;"]],
  },
  {
    name: "newest-first",
    bug: "receive hands out the newest waiting message first",
    kills: "receive hands out waiting messages oldest first, a lapsed one back in its old place",
    edits: [["for (const message of this.messages.values()) {\n      if (batch.length >= max) break;", "for (const message of [...this.messages.values()].reverse()) {\n      if (batch.length >= max) break;"]],
  },
  {
    name: "lapsed-to-the-back",
    bug: "a message whose visibility lapses goes to the back of the queue instead of its old place",
    kills: "receive hands out waiting messages oldest first, a lapsed one back in its old place",
    edits: [["      message.inFlight = undefined;\n", "      message.inFlight = undefined;\n      this.messages.delete(message.id);\n      this.messages.set(message.id, message);\n"]],
  },
  {
    name: "never-hidden",
    bug: "a received message stays visible, so the next receive hands it out again",
    kills: "a message is never held by two consumers at once",
    edits: [["      if (message.inFlight) continue;\n", ""]],
  },
  {
    name: "visible-a-tick-early",
    bug: "receive hands out a held message again 1 ms before its visibility timeout ends",
    kills: "a message is never held by two consumers at once",
    edits: [["      if (message.inFlight) continue;\n", "      if (message.inFlight && now < message.inFlight.receivedAt + this.visibilityTimeoutMs - 1) continue;\n"]],
  },
  {
    name: "reuses-handle",
    bug: "gives a message the same receipt handle at every receive, so an old handle still acks it",
    kills: "ack accepts only a message's latest handle, before its visibility lapses",
    edits: [["message.handles.push(randomUUID());", "message.handles.push(`handle-${message.id}`);"]],
  },
  {
    name: "receive-count-before-this-receive",
    bug: "reports the receive count without this receive (0 the first time)",
    kills: "after maxReceives receives a lapsed message is dead-lettered, in the order of lapsing",
    edits: [["receiptHandle: message.handles.at(-1)!, receiveCount: message.receiveCount });", "receiptHandle: message.handles.at(-1)!, receiveCount: message.receiveCount - 1 });"]],
  },
  {
    name: "ack-after-lapse",
    bug: "ack accepts the latest handle even after the message's visibility lapsed",
    kills: "ack accepts only a message's latest handle, before its visibility lapses",
    edits: [["message.handles.at(-1) === receiptHandle && message.inFlight !== undefined", "message.handles.at(-1) === receiptHandle"]],
  },
  {
    name: "ack-old-handle",
    bug: "ack accepts any handle ever issued for the message, not only the latest",
    kills: "ack accepts only a message's latest handle, before its visibility lapses",
    edits: [["message.handles.at(-1) === receiptHandle && message.inFlight !== undefined", "message.handles.includes(receiptHandle) && message.inFlight !== undefined"]],
  },
  {
    name: "dead-letter-one-late",
    bug: "dead-letters a message only after maxReceives + 1 receives",
    kills: "after maxReceives receives a lapsed message is dead-lettered, in the order of lapsing",
    edits: [["if (message.receiveCount >= this.maxReceives)", "if (message.receiveCount > this.maxReceives)"]],
  },
  {
    name: "dead-letters-newest-first",
    bug: "lists the most recent dead letter first",
    kills: "after maxReceives receives a lapsed message is dead-lettered, in the order of lapsing",
    edits: [["this.dead.push(", "this.dead.unshift("]],
  },
  {
    name: "simultaneous-lapses-reversed",
    bug: "messages whose visibility lapses at the same moment are dead-lettered newest first",
    kills: "after maxReceives receives a lapsed message is dead-lettered, in the order of lapsing",
    edits: [["a.inFlight!.receivedAt - b.inFlight!.receivedAt || a.seq - b.seq", "a.inFlight!.receivedAt - b.inFlight!.receivedAt || b.seq - a.seq"]],
  },
  {
    name: "depth-counts-visible-only",
    bug: "depth leaves out the messages in flight",
    kills: "depth counts the waiting and in-flight messages",
    edits: [["    return this.messages.size;", "    return [...this.messages.values()].filter((m) => !m.inFlight).length;"]],
  },
  {
    name: "lapsed-message-stays-hidden",
    bug: "a message whose visibility lapses before maxReceives is never handed out again (it stays hidden, and counted)",
    kills: "receive hands out waiting messages oldest first, a lapsed one back in its old place",
    edits: [
      ["      message.inFlight = undefined;\n", "      message.inFlight = message.receiveCount < this.maxReceives ? { receivedAt: Infinity } : undefined;\n"],
      ["message.handles.at(-1) === receiptHandle && message.inFlight !== undefined", "message.handles.at(-1) === receiptHandle && message.inFlight !== undefined && message.inFlight.receivedAt !== Infinity"],
    ],
  },
  {
    name: "batch-over-three-loses-the-rest",
    bug: "receive hands out at most 3 messages (a batch limit, as SQS has one of 10) but takes the rest off the queue and loses them",
    kills: "no message is ever lost",
    edits: [["    return batch;\n  }", "    for (const lost of batch.slice(3)) this.messages.delete(lost.id);\n    return batch.slice(0, 3);\n  }"]],
  },
  {
    name: "accepts-zero-visibility",
    bug: "the constructor checks visibilityTimeoutMs >= 0, so a timeout of 0 (every message visible again at once) is accepted",
    kills: "options outside their ranges throw RangeError",
    edits: [["Number.isFinite(visibilityTimeoutMs) && visibilityTimeoutMs > 0", "Number.isFinite(visibilityTimeoutMs) && visibilityTimeoutMs >= 0"]],
  },
  {
    name: "accepts-fractional-max-receives",
    bug: "the constructor checks maxReceives >= 1 but not that it is an integer, so 1.5 is accepted",
    kills: "options outside their ranges throw RangeError",
    edits: [["Number.isInteger(maxReceives) && maxReceives >= 1", "maxReceives >= 1"]],
  },
]);
