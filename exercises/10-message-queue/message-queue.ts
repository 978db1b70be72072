/**
 * An in-memory message queue modelled on Amazon SQS: at-least-once delivery, a visibility
 * timeout, acknowledgement by receipt handle, and a dead-letter list. Unlike an SQS standard
 * queue, which orders messages only on a best-effort basis, this queue hands messages out
 * strictly oldest first; SQS gives strict order only in FIFO queues, within a message group.
 *
 * Producers `send`; consumers `receive` a batch, do the work, and `ack` each message with the
 * receipt handle they were given. A received message is hidden from other consumers until
 * `receivedAt + visibilityTimeoutMs`; if it is not acked by then, the consumer is presumed dead
 * and the message becomes visible again in its old place (by send order), unless it has already
 * been received `maxReceives` times, in which case it moves to the dead-letter list.
 * Time is read only through `Date.now()`.
 */
export interface QueueOptions {
  /** How long a received message stays hidden, in ms: a finite number > 0. */
  visibilityTimeoutMs: number;
  /** Receives after which a lapsed message is dead-lettered: an integer ≥ 1. */
  maxReceives: number;
}

export interface ReceivedMessage<T> {
  id: string;
  body: T;
  /** Proof of this receive; only the message's latest handle, before its visibility lapses, acks it. */
  receiptHandle: string;
  /** How many times the message has been received, this receive included (1 the first time). */
  receiveCount: number;
}

export interface DeadLetter<T> {
  id: string;
  body: T;
  receiveCount: number;
}

export class MessageQueue<T = unknown> {
  /**
   * Throws RangeError for options outside the ranges above: a `visibilityTimeoutMs` that is not a
   * finite number > 0, or a `maxReceives` that is not an integer ≥ 1.
   */
  constructor(options: QueueOptions) {
    notImplemented("new MessageQueue()");
  }

  /** Appends a message and returns its id, unique within this queue. */
  send(body: T): string {
    notImplemented("MessageQueue.send");
  }

  /**
   * Hands out up to `max` visible messages (an integer ≥ 1, default 1), oldest first by send
   * order, and hides each one until `Date.now() + visibilityTimeoutMs`. Each gets a new receipt
   * handle and its receive count goes up by one. An empty array when nothing is visible.
   */
  receive(max = 1): ReceivedMessage<T>[] {
    notImplemented("MessageQueue.receive");
  }

  /**
   * Deletes the message whose latest receipt handle is `receiptHandle`, if that handle is still
   * valid (`Date.now() < receivedAt + visibilityTimeoutMs`), and returns true. An older handle, a
   * lapsed one, or an unknown one returns false and changes nothing.
   */
  ack(receiptHandle: string): boolean {
    notImplemented("MessageQueue.ack");
  }

  /**
   * Messages whose visibility lapsed after `maxReceives` receives, in the order their visibility
   * lapsed (ties in send order). They are never handed out again.
   */
  deadLetters(): DeadLetter<T>[] {
    notImplemented("MessageQueue.deadLetters");
  }

  /** Messages not yet acked nor dead-lettered: visible plus in flight. */
  get depth(): number {
    return notImplemented("MessageQueue.depth");
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/10-message-queue/message-queue.ts`);
}
