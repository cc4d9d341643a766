/** Samples the JS heap (Chromium's performance.memory with --enable-precise-memory-info) at points a scenario chooses. */
export class HeapProbe {
  private start = heapUsed();
  private peak = this.start;

  sample(): void {
    const now = heapUsed();
    if (now !== null && (this.peak === null || now > this.peak)) this.peak = now;
  }

  /** The largest growth over the heap at construction, or null where the browser does not tell. */
  growth(): number | null {
    this.sample();
    return this.peak === null || this.start === null ? null : Math.max(0, this.peak - this.start);
  }
}

function heapUsed(): number | null {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : null;
}
