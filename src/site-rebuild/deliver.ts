/** One signed POST to a rebuild hook, tried again with exponential backoff when it fails. */
export interface DeliveryOptions {
  retries: number;
  retryBaseMs: number;
  timeoutMs: number;
  /** Injected so the backoff can be tested without waiting. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  onRetry?: (attempt: number, reason: string, waitMs: number) => void;
}

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  status?: number;
  reason?: string;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Worth trying again: network errors, timeouts, 408, 429 and 5xx. Other 4xx mean the hook refuses this call. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

export const deliver = async (url: string, body: string, headers: Record<string, string>, options: DeliveryOptions): Promise<DeliveryResult> => {
  const { retries, retryBaseMs, timeoutMs, sleep = defaultSleep, fetch: send = fetch, onRetry } = options;
  for (let attempt = 1; ; attempt += 1) {
    let reason: string;
    let status: number | undefined;
    try {
      const response = await send(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, attempts: attempt, status: response.status };
      status = response.status;
      reason = `HTTP ${response.status}`;
      if (!retryable(response.status)) return { ok: false, attempts: attempt, status, reason };
    } catch (error) {
      reason = (error as Error).message;
    }
    if (attempt > retries) return { ok: false, attempts: attempt, status, reason };
    const waitMs = retryBaseMs * 2 ** (attempt - 1);
    onRetry?.(attempt, reason, waitMs);
    await sleep(waitMs);
  }
};
