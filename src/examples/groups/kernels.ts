import type { Lesson } from '../lesson';
import counter from '../kernels/counter.as.ts?raw';
import squares from '../kernels/squares.as.ts?raw';
import p60 from '../programs/p60.ts?raw';
import p61 from '../programs/p61.ts?raw';

/**
 * Not programs of the articles: the WebAssembly half of the playground, opened to the
 * learner. They write the kernel themselves (AssemblyScript, in the editor's second tab) and
 * every process runs it on the same shared memory.
 */
export const kernels: Lesson[] = [
  {
    id: 'p60',
    group: 'kernels',
    title: { zh: '你的第一个内核', en: 'Your first kernel' },
    explain: {
      zh: 'squares.as.ts 是 AssemblyScript(TypeScript 的写法,编译成 WebAssembly)。页面在一个 Worker 里编译它,每个进程都在同一块共享内存上运行它:usize 参数收到的是 RawArray 第一个元素的地址。同一份工作先用 1 个进程、再用 2 个进程算,sumSquares 和用 SIMD(一次算两个数)的 sumSquaresSimd 各量一次,打印时间、加速比,并画成图。两次算出的总和相同。改一改内核再运行:编译错误会标在内核文件里。',
      en: "squares.as.ts is AssemblyScript (TypeScript syntax, compiled to WebAssembly). The page compiles it in a Worker, and every process runs it on the same shared memory: a usize parameter receives the address of the RawArray's first element. The same job runs on 1 process, then on 2, for sumSquares and for sumSquaresSimd (SIMD: two numbers per step); each prints its times and speed-up, and the chart shows them. Both totals agree. Edit the kernel and run again: a compile error is marked in the kernel file.",
    },
    browserNote: {
      zh: 'CPython 里做同样的事要写 C 扩展(或用 numba、Cython),再让多个进程共享一块内存;这里内核和程序在同一页里。内核的模块级 let 变量每个进程各有一份,它的静态数据和它读写的共享数组则是大家共用的。加速比是这一次真实量到的,也受同一台机器上其他程序的影响。',
      en: "In CPython the same takes a C extension (or numba, Cython) and shared memory between the processes; here the kernel sits beside the program in the page. A kernel's module-level let variables are per process; its static data and the shared arrays it works on are common to all. The speed-up is this run's real measurement and feels whatever else the machine is doing.",
    },
    source: p60,
    kernels: [{ name: 'squares.as.ts', text: squares }],
  },
  {
    id: 'p61',
    group: 'kernels',
    title: { zh: 'WebAssembly 里的竞争', en: 'A race inside WebAssembly' },
    explain: {
      zh: '两个进程在栅栏处会合,然后各给同一个共享计数器加 1000 万次。addPlain 用普通的 load 和 store:读出、加一、写回是三步,两个进程交错时一次更新会被另一次覆盖,总数少于 2000 万。addAtomic 用 atomic.add,一条不可分的指令,总数每次都正好是 2000 万。',
      en: 'Two processes meet at a barrier, then each add one to the same shared counter ten million times. addPlain uses a plain load and store: reading, adding and writing back are three steps, and when the processes interleave one update overwrites the other, so the total falls short of twenty million. addAtomic uses atomic.add, one indivisible instruction: the total is exactly twenty million, every time.',
    },
    browserNote: {
      zh: '和 p41 的 counter.value += 1 是同一种竞争,只是发生在 WebAssembly 里:JavaScript 的锁护不住内核里的读写,要用 atomic.* 或在内核外加锁。"检测数据竞争"也看不到它:检测器只检查程序在 JavaScript 里对 Value 和 Array 元素的读写,不检查内核里的 load 和 store,所以这里什么也不报告。',
      en: "The same race as counter.value += 1 in p41, inside WebAssembly this time: a JavaScript lock does not cover the kernel's loads and stores; use atomic.*, or hold a lock around the call. Detect races does not see it either: the detector checks the program's reads and writes of Value and Array elements in JavaScript, not the loads and stores inside a kernel, so here it reports nothing.",
    },
    source: p61,
    kernels: [{ name: 'counter.as.ts', text: counter }],
  },
];
