-- Prints the latency percentiles wrk's own report leaves out (p95), in milliseconds, on one line.
done = function(summary, latency, requests)
  io.write(string.format("PERCENTILES p50=%.1f p95=%.1f p99=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
