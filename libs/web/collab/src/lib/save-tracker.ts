/**
 * Knows whether the server has every local change, without any acknowledgement in the
 * y-websocket protocol. It relies on two properties of the protocol and of our server:
 * frames on one socket are handled in order, and every sync step 1 the client sends is
 * answered by exactly one sync step 2. So a step 1 sent after some local updates (a
 * "probe") is answered only after the server has handled those updates: its answer
 * acknowledges them.
 *
 * Local changes made while offline reach the server in the client's answer (step 2) to the
 * server's own step 1, which the server sends when a socket opens. Until that answer has
 * been sent on the current socket, a probe would prove nothing, so none is sent.
 *
 * Counts are of local Yjs updates (one per transaction), never of bytes or characters.
 */
export class SaveTracker {
  /** Local updates made since the session opened. */
  private made = 0;
  /** All local updates up to this count are known to be on the server. */
  private acknowledged = 0;
  /**
   * The step 1 messages sent on the current socket, oldest first, each with the count it
   * acknowledges when answered (null: the provider's own handshake, which proves nothing).
   */
  private readonly awaiting: (number | null)[] = [];
  /** True once everything local has been written to the current socket. */
  private caughtUp = false;

  /** Local updates not yet acknowledged by the server. */
  get unacknowledged(): number {
    return this.made - this.acknowledged;
  }

  /** A local (not remote) Yjs update happened. */
  localChange(): void {
    this.made++;
  }

  /** A socket opened and the provider sent its handshake step 1. */
  socketOpened(): void {
    this.awaiting.length = 0;
    this.awaiting.push(null);
    this.caughtUp = false;
  }

  /** The client answered the server's step 1: everything local is now on the wire. */
  serverStateAnswered(): void {
    this.caughtUp = true;
  }

  /** Whether a probe would tell us something new (and none is already on its way). */
  wantsProbe(): boolean {
    return this.caughtUp && this.made > this.acknowledged && !this.awaiting.some((count) => count !== null);
  }

  /** A probe (step 1) was sent now; its answer acknowledges every local update made so far. */
  probeSent(): void {
    this.awaiting.push(this.made);
  }

  /** A step 2 arrived from the server: the answer to the oldest step 1 still awaiting one. */
  answerReceived(): void {
    const covered = this.awaiting.shift();
    if (covered !== undefined && covered !== null) this.acknowledged = Math.max(this.acknowledged, covered);
  }

  /** The socket closed: unanswered probes are lost, unacknowledged changes stay unacknowledged. */
  socketClosed(): void {
    this.awaiting.length = 0;
    this.caughtUp = false;
  }
}
