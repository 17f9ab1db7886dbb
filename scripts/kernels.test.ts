import { expect, it } from 'vitest';
import { compileKernels } from './kernels';

it('the AssemblyScript kernels compile and count the primes below 10^6', async () => {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(await compileKernels()));
  const countPrimes = instance.exports.countPrimes as (from: number, to: number) => number;
  expect(countPrimes(0, 1_000_000)).toBe(78_498);
  expect(countPrimes(10, 20)).toBe(4);
});
