// AssemblyScript kernels, compiled by `asc` in `npm run build` and when the dev server starts
// (scripts/kernels.ts). They keep no static data and never allocate, so that later several
// Workers can share one memory (see the kernels issue).

/** How many primes p satisfy from <= p < to (trial division: deliberately CPU-bound). */
export function countPrimes(from: i32, to: i32): i32 {
  let count = 0;
  for (let n = max(from, 2); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d == 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}
