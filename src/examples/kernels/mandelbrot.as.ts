// 画 Mandelbrot 图的 [y0, y1) 这几行:image 指向共享内存里 width x height 个 i32,每个像素写入
// 迭代次数(逃逸前算了几步,最多 maxIter)。
// Rows [y0, y1) of a Mandelbrot image: `image` points at width x height i32 in shared memory,
// and each pixel gets its iteration count (steps before the point escaped, at most maxIter).
export function mandelbrotRows(
  image: usize,
  width: i32,
  height: i32,
  y0: i32,
  y1: i32,
  maxIter: i32,
): void {
  for (let y = y0; y < y1; y++) {
    const ci = (f64(y) / f64(height)) * 2.4 - 1.2;
    for (let x = 0; x < width; x++) {
      const cr = (f64(x) / f64(width)) * 3.5 - 2.5;
      let zr = 0.0;
      let zi = 0.0;
      let n = 0;
      while (n < maxIter && zr * zr + zi * zi <= 4.0) {
        const t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        n++;
      }
      store<i32>(image + ((<usize>(y * width + x)) << 2), n);
    }
  }
}
