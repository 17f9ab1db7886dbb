// 平方和:data 指向共享内存里的 f64 数组,算 [from, to) 这一段。
// Sum of squares of the f64 elements [from, to) of the array at `data` in shared memory.
export function sumSquares(data: usize, from: i32, to: i32): f64 {
  let sum: f64 = 0;
  for (let i = from; i < to; i++) {
    const x = load<f64>(data + ((<usize>i) << 3));
    sum += x * x;
  }
  return sum;
}

// 同样的计算,用 SIMD:一个 v128 装两个 f64,每步算两个数。
// The same with SIMD: a v128 holds two f64, so each step squares two numbers.
export function sumSquaresSimd(data: usize, from: i32, to: i32): f64 {
  let acc = f64x2.splat(0);
  let i = from;
  for (; i + 2 <= to; i += 2) {
    const x = v128.load(data + ((<usize>i) << 3));
    acc = f64x2.add(acc, f64x2.mul(x, x));
  }
  let sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; i < to; i++) {
    const x = load<f64>(data + ((<usize>i) << 3));
    sum += x * x;
  }
  return sum;
}
