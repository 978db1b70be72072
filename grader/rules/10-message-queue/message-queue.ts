import { defineRules } from "../../kit/rules.ts";

export default defineRules("10-message-queue/message-queue", [
  {
    rule: "Appends a message and returns its id, unique within this queue.",
    property: "send returns an id no other message of the queue has had",
    mutants: ["reuses-freed-id"],
  },
  {
    rule: "Hands out up to `max` visible messages (an integer ≥ 1, default 1), oldest first by send order,",
    property: "receive hands out waiting messages oldest first, a lapsed one back in its old place",
    mutants: ["newest-first"],
  },
  {
    rule: "the message becomes visible again in its old place (by send order)",
    property: "receive hands out waiting messages oldest first, a lapsed one back in its old place",
    mutants: ["lapsed-to-the-back", "lapsed-message-stays-hidden"],
  },
  {
    rule: "A received message is hidden from other consumers until `receivedAt + visibilityTimeoutMs`;",
    property: "a message is never held by two consumers at once",
    mutants: ["never-hidden", "visible-a-tick-early"],
  },
  {
    rule: "Each gets a new receipt handle and its receive count goes up by one.",
    property: "ack accepts only a message's latest handle, before its visibility lapses",
    mutants: ["reuses-handle"],
  },
  {
    rule: "How many times the message has been received, this receive included (1 the first time).",
    property: "after maxReceives receives a lapsed message is dead-lettered, in the order of lapsing",
    mutants: ["receive-count-before-this-receive"],
  },
  {
    rule: "An older handle, a lapsed one, or an unknown one returns false and changes nothing.",
    property: "ack accepts only a message's latest handle, before its visibility lapses",
    mutants: ["ack-after-lapse", "ack-old-handle"],
  },
  {
    rule: "unless it has already been received `maxReceives` times, in which case it moves to the dead-letter list.",
    property: "after maxReceives receives a lapsed message is dead-lettered, in the order of lapsing",
    mutants: ["dead-letter-one-late"],
  },
  {
    rule: "in the order their visibility lapsed (ties in send order).",
    property: "after maxReceives receives a lapsed message is dead-lettered, in the order of lapsing",
    mutants: ["dead-letters-newest-first", "simultaneous-lapses-reversed"],
  },
  {
    rule: "Messages not yet acked nor dead-lettered: visible plus in flight.",
    property: "depth counts the waiting and in-flight messages",
    mutants: ["depth-counts-visible-only"],
  },
  {
    rule: "at-least-once delivery",
    property: "no message is ever lost",
    mutants: ["batch-over-three-loses-the-rest"],
  },
  {
    rule: "Throws RangeError for options outside the ranges above: a `visibilityTimeoutMs` that is not a finite number > 0, or a `maxReceives` that is not an integer ≥ 1.",
    property: "options outside their ranges throw RangeError",
    mutants: ["accepts-zero-visibility", "accepts-fractional-max-receives"],
  },
]);
