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
import { randomUUID } from "node:crypto";

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

interface Stored<T> {
  seq: number;
  id: string;
  body: T;
  receiveCount: number;
  /** Every receipt handle issued for this message; only the last one can ack. */
  handles: string[];
  /** When the current receive happened; set only while the message is in flight. */
  inFlight?: { receivedAt: number };
}

export class MessageQueue<T = unknown> {
  private readonly visibilityTimeoutMs: number;
  private readonly maxReceives: number;
  /** Live messages (visible or in flight); a Map iterates in insertion order, i.e. send order. */
  private readonly messages = new Map<string, Stored<T>>();
  private readonly dead: DeadLetter<T>[] = [];
  private nextSeq = 1;

  /**
   * Throws RangeError for options outside the ranges above: a `visibilityTimeoutMs` that is not a
   * finite number > 0, or a `maxReceives` that is not an integer ≥ 1.
   */
  constructor(options: QueueOptions) {
    const { visibilityTimeoutMs, maxReceives } = options;
    if (!(Number.isFinite(visibilityTimeoutMs) && visibilityTimeoutMs > 0)) throw new RangeError("bad visibilityTimeoutMs");
    if (!(Number.isInteger(maxReceives) && maxReceives >= 1)) throw new RangeError("bad maxReceives");
    this.visibilityTimeoutMs = visibilityTimeoutMs;
    this.maxReceives = maxReceives;
  }

  /** Appends a message and returns its id, unique within this queue. */
  send(body: T): string {
    const seq = this.nextSeq++;
    const id = `msg-${seq}`;
    this.messages.set(id, { seq, id, body, receiveCount: 0, handles: [] });
    return id;
  }

  /**
   * Hands out up to `max` visible messages (an integer ≥ 1, default 1), oldest first by send
   * order, and hides each one until `Date.now() + visibilityTimeoutMs`. Each gets a new receipt
   * handle and its receive count goes up by one. An empty array when nothing is visible.
   */
  receive(max = 1): ReceivedMessage<T>[] {
    if (!(Number.isInteger(max) && max >= 1)) throw new RangeError("max must be an integer >= 1");
    const now = Date.now();
    this.sweep(now);
    const batch: ReceivedMessage<T>[] = [];
    for (const message of this.messages.values()) {
      if (batch.length >= max) break;
      if (message.inFlight) continue;
      message.receiveCount += 1;
      message.inFlight = { receivedAt: now };
      message.handles.push(randomUUID());
      batch.push({ id: message.id, body: message.body, receiptHandle: message.handles.at(-1)!, receiveCount: message.receiveCount });
    }
    return batch;
  }

  /**
   * Deletes the message whose latest receipt handle is `receiptHandle`, if that handle is still
   * valid (`Date.now() < receivedAt + visibilityTimeoutMs`), and returns true. An older handle, a
   * lapsed one, or an unknown one returns false and changes nothing.
   */
  ack(receiptHandle: string): boolean {
    const now = Date.now();
    this.sweep(now);
    for (const message of this.messages.values()) {
      // The sweep above cleared `inFlight` of every lapsed message, so its handle is dead too.
      if (message.handles.at(-1) === receiptHandle && message.inFlight !== undefined) {
        this.messages.delete(message.id);
        return true;
      }
    }
    return false;
  }

  /**
   * Messages whose visibility lapsed after `maxReceives` receives, in the order their visibility
   * lapsed (ties in send order). They are never handed out again.
   */
  deadLetters(): DeadLetter<T>[] {
    this.sweep(Date.now());
    return this.dead.map((d) => ({ ...d }));
  }

  /** Messages not yet acked nor dead-lettered: visible plus in flight. */
  get depth(): number {
    this.sweep(Date.now());
    return this.messages.size;
  }

  /** Applies every visibility lapse due by `now`: back to visible, or to the dead letters. */
  private sweep(now: number): void {
    const lapsed = [...this.messages.values()]
      .filter((m) => m.inFlight !== undefined && now >= m.inFlight.receivedAt + this.visibilityTimeoutMs)
      .sort((a, b) => a.inFlight!.receivedAt - b.inFlight!.receivedAt || a.seq - b.seq);
    for (const message of lapsed) {
      message.inFlight = undefined;
      if (message.receiveCount >= this.maxReceives) {
        this.messages.delete(message.id);
        this.dead.push({ id: message.id, body: message.body, receiveCount: message.receiveCount });
      }
    }
  }
}
