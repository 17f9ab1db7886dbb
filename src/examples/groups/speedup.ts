import type { Lesson } from '../lesson';
import mandelbrot from '../kernels/mandelbrot.as.ts?raw';
import primes from '../kernels/primes.as.ts?raw';
import p57 from '../programs/p57.ts?raw';
import p58 from '../programs/p58.ts?raw';

/**
 * Seed 002 (0x01, 0x05): the GIL keeps Python's threads from running CPU-bound work in
 * parallel, so CPU-bound work goes to processes, one per core (os.cpu_count()). These two
 * lessons are not programs of the articles; they show that advice measured, and seen.
 */
export const speedup: Lesson[] = [
  {
    id: 'p57',
    group: 'speedup',
    title: { zh: '计算密集型:多进程的加速比', en: 'CPU-bound work: speed-up with processes' },
    explain: {
      zh: '文章说:计算密集型的任务受 GIL 所限,要用多进程,才能用上多核(os.cpu_count())。这里把同一份工作(数 400 万以下的素数)分给 1 个、2 个和 cpuCount() 个进程,打印每次量到的时间和加速比(1 个进程的时间 ÷ n 个进程的时间),并画成图。在 2 核的机器上,2 个进程接近 2 倍;比核多的进程不会更快。三次数出的素数个数相同。',
      en: 'The article says CPU-bound work is held back by the GIL and belongs in processes, one per core (os.cpu_count()). Here the same job (counting the primes below four million) is split over 1, 2 and cpuCount() processes; each run prints its measured time and speed-up (time with 1 process ÷ time with n), and the chart shows them. On a 2-core machine 2 processes come close to 2x; more processes than cores are no faster. Every run finds the same number of primes.',
    },
    browserNote: {
      zh: '浏览器里没有 GIL:threading.Thread 也是 Worker,换成线程同样会加速(见 p36)。时间包括启动进程(几毫秒),也受同一台机器上其他程序的影响:加速比是这一次真实量到的,不是算出来的理想值。cpuCount() 是浏览器报告的 navigator.hardwareConcurrency。数素数的是 primes.as.ts:页面把这个 AssemblyScript 内核编译成 WebAssembly(kernels 模块里内置了同样的内核,它的 JS 版本是 countPrimesJs)。内核和 JS 版本差不多快:V8 的优化 JIT 把这样的纯数字循环编译成和 WebAssembly 几乎一样的机器码;WebAssembly 领先的地方是 JS 做不到的,比如 SIMD(sumSquaresSimd 一次算两个数,约快 3.9 倍,见 npm run bench)。',
      en: "The browser has no GIL: threading.Thread is a Worker too, so threads would speed this up as well (see p36). The times include starting the processes (a few ms) and feel whatever else the machine is doing: the speed-up is this run's real measurement, not an ideal. cpuCount() is the browser's navigator.hardwareConcurrency. The primes are counted by primes.as.ts, an AssemblyScript kernel the page compiles to WebAssembly (the kernels module has the same kernel built in, and countPrimesJs, its JavaScript twin). The kernel and its twin run about as fast: V8's optimizing JIT compiles a plain numeric loop like this to much the same machine code as WebAssembly. WebAssembly pulls ahead where JavaScript cannot follow, such as SIMD (sumSquaresSimd works on two numbers at once and is about 3.9x faster; see npm run bench).",
    },
    source: p57,
    kernels: [{ name: 'primes.as.ts', text: primes }],
  },
  {
    id: 'p58',
    group: 'speedup',
    title: { zh: '多个进程一起画 Mandelbrot', en: 'Processes drawing one Mandelbrot image' },
    explain: {
      zh: '几个进程(至少 2 个,最多 cpuCount() 个)把同一张图画进共享内存里的一个 RawArray,页面直接从共享内存读它,一边算一边画。每个进程从一个加锁的共享计数器领下 4 行(动态分块):中间的行比边上的难算得多,谁先空下来谁就多领。每一行染上画它的进程的颜色,图下方标出颜色对应的 pid;每个进程最后打印它画了多少行。',
      en: 'Several processes (at least 2, one per core) draw one image into a RawArray in shared memory, and the page reads it from there and shows it while they work. Each process takes the next 4 rows from a shared counter under its lock (dynamic chunks): the middle rows cost far more than the edges, so whoever is free first takes more. Each row is tinted by the process that drew it, the legend under the image tells which pid each tint is, and each process prints how many rows it drew.',
    },
    browserNote: {
      zh: 'CPython 要画图得靠 PIL 或 matplotlib,而且结果要先传回主进程;这里 display.image 直接读共享内存,不复制。每一行由 mandelbrot.as.ts 里的 AssemblyScript 内核 mandelbrotRows 计算(在页面里编译成 WebAssembly,和 kernels 模块里 JS 的 mandelbrotRowsJs 结果相同)。',
      en: 'CPython would need PIL or matplotlib to show the picture, and the rows would travel back to the main process first; here display.image reads shared memory directly, with no copy. The rows are computed by the AssemblyScript kernel mandelbrotRows in mandelbrot.as.ts (compiled to WebAssembly in the page, with the same results as mandelbrotRowsJs, the JS twin in the kernels module).',
    },
    source: p58,
    kernels: [{ name: 'mandelbrot.as.ts', text: mandelbrot }],
  },
];
