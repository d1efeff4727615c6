// Next.js resolves "server-only" itself; outside Next (vitest, scripts) it is a no-op.
export {};
