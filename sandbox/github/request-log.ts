export type RequestLogEntry = {
  method: string;
  /** The route template, e.g. `PUT /repos/{owner}/{repo}/collaborators/{username}`. */
  route: string;
  path: string;
  status: number;
  /** The token owner's login, when the request carried a known token. */
  login?: string;
  requestId: string;
  /** Emulator clock, epoch ms, when the request arrived (before any injected latency). */
  receivedAt: number;
  /** Emulator clock, epoch ms, when the answer was sent. */
  at: number;
};

export type RequestLog = {
  readonly entries: readonly RequestLogEntry[];
  /** Requests for `route` (`"PUT /repos/{owner}/{repo}/collaborators/{username}"`), optionally by status. */
  count(route: string, status?: number): number;
  reset(): void;
};

export function createRequestLog(): RequestLog & { add(entry: RequestLogEntry): void } {
  let entries: RequestLogEntry[] = [];
  return {
    get entries() {
      return entries;
    },
    add(entry) {
      entries.push(entry);
    },
    count(route, status) {
      return entries.filter(
        (e) => `${e.method} ${e.route}` === route && (status === undefined || e.status === status),
      ).length;
    },
    reset() {
      entries = [];
    },
  };
}
