/** The `quantile` (0..1) of ascending `sorted` values, nearest-rank; 0 for an empty list. */
export function percentile(sorted: ArrayLike<number>, quantile: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(quantile * sorted.length)));
  return sorted[rank - 1]!;
}

/** Bytes to megabytes (10^6 bytes), the unit of every size and rate the bench prints. */
export function toMegabytes(bytes: number): number {
  return bytes / 1_000_000;
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
