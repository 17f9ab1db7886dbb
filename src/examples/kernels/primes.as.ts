// 数 [from, to) 里有多少个素数:每个数用 2 到它的平方根去试除。
// Counts the primes in [from, to): each number is tried by every divisor up to its square root.
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
