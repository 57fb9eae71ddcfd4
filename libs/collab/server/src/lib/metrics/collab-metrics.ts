/** Upper bounds, in seconds, of the update-delay histogram buckets (Prometheus convention). */
export const UPDATE_DELAY_BUCKETS_SECONDS = [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * Counters of this instance's collaboration server, exported at GET /api/metrics. The
 * update delay is the time from receiving a client's update to having written the broadcast
 * carrying it to every peer's socket: the server's own share of edit → peer latency.
 */
export class CollabMetrics {
  updatesApplied = 0;
  broadcasts = 0;
  socketsRefused = 0;
  readonly delayBuckets = new Array<number>(UPDATE_DELAY_BUCKETS_SECONDS.length).fill(0);
  delayCount = 0;
  delaySumSeconds = 0;

  recordUpdateDelay(milliseconds: number): void {
    const seconds = milliseconds / 1000;
    this.delayCount++;
    this.delaySumSeconds += seconds;
    // Cumulative buckets are built when exported; here each sample counts once, in its bucket.
    const bucket = UPDATE_DELAY_BUCKETS_SECONDS.findIndex((bound) => seconds <= bound);
    if (bucket >= 0) this.delayBuckets[bucket]++;
  }
}

/** The Prometheus text exposition format (version 0.0.4) of the metrics and the current gauges. */
export function formatMetrics(metrics: CollabMetrics, gauges: { openDocuments: number; connections: number }): string {
  const lines = [
    '# HELP kehittamo_collab_open_documents Documents loaded on this instance.',
    '# TYPE kehittamo_collab_open_documents gauge',
    `kehittamo_collab_open_documents ${gauges.openDocuments}`,
    '# HELP kehittamo_collab_connections Open collaboration WebSockets on this instance.',
    '# TYPE kehittamo_collab_connections gauge',
    `kehittamo_collab_connections ${gauges.connections}`,
    '# HELP kehittamo_collab_updates_applied_total Client updates applied.',
    '# TYPE kehittamo_collab_updates_applied_total counter',
    `kehittamo_collab_updates_applied_total ${metrics.updatesApplied}`,
    '# HELP kehittamo_collab_broadcasts_total Batches broadcast to a room.',
    '# TYPE kehittamo_collab_broadcasts_total counter',
    `kehittamo_collab_broadcasts_total ${metrics.broadcasts}`,
    '# HELP kehittamo_collab_sockets_refused_total Sockets closed for a bad or refused update.',
    '# TYPE kehittamo_collab_sockets_refused_total counter',
    `kehittamo_collab_sockets_refused_total ${metrics.socketsRefused}`,
    '# HELP kehittamo_collab_update_delay_seconds From receiving a client update to its broadcast written to every peer.',
    '# TYPE kehittamo_collab_update_delay_seconds histogram',
  ];
  let cumulative = 0;
  UPDATE_DELAY_BUCKETS_SECONDS.forEach((bound, i) => {
    cumulative += metrics.delayBuckets[i];
    lines.push(`kehittamo_collab_update_delay_seconds_bucket{le="${bound}"} ${cumulative}`);
  });
  lines.push(
    `kehittamo_collab_update_delay_seconds_bucket{le="+Inf"} ${metrics.delayCount}`,
    `kehittamo_collab_update_delay_seconds_sum ${metrics.delaySumSeconds}`,
    `kehittamo_collab_update_delay_seconds_count ${metrics.delayCount}`,
  );
  return lines.join('\n') + '\n';
}
