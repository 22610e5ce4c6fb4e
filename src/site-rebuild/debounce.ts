/**
 * Collects items and hands them over once, `delayMs` after the last one of a burst (a trailing debounce).
 * Pure timing logic, so it can be tested without Strapi.
 */
export const createDebouncedBatch = <T>(delayMs: number, flush: (items: T[]) => void) => {
  let items: T[] = [];
  let timer: NodeJS.Timeout | undefined;

  const fire = () => {
    timer = undefined;
    const batch = items;
    items = [];
    if (batch.length > 0) flush(batch);
  };

  return {
    add(item: T) {
      items.push(item);
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, delayMs);
      timer.unref();
    },
    /** Hands over what is waiting now (at shutdown) and returns it. */
    takePending(): T[] {
      if (timer) clearTimeout(timer);
      timer = undefined;
      const batch = items;
      items = [];
      return batch;
    },
  };
};
