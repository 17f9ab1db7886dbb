import type { Lesson } from '../lesson';
import p01 from '../programs/p01.ts?raw';
import p02 from '../programs/p02.ts?raw';
import p03 from '../programs/p03.ts?raw';
import p04 from '../programs/p04.ts?raw';
import p05 from '../programs/p05.ts?raw';
import p06 from '../programs/p06.ts?raw';
import p07 from '../programs/p07.ts?raw';

export const processes: Lesson[] = [
  {
    id: 'p01',
    group: 'processes',
    title: { zh: '启动一个子进程', en: 'Start a child process' },
    explain: {
      zh: '主进程启动子进程后睡 1 秒。子进程的两行先打印,约 1 秒后主进程才打印自己的那一行。',
      en: "The main process starts a child, then sleeps 1 s. The child's two lines come first; main's line follows about 1 s after the start.",
    },
    source: p01,
  },
  {
    id: 'p02',
    group: 'processes',
    title: { zh: '传参数,看 pid 和父进程 pid', en: 'Arguments, pid and parent pid' },
    explain: {
      zh: 'start() 立刻返回,主进程的三行先打印;子进程睡 1 秒后才打印 pid。子进程的父进程 pid 就是主进程的 pid。',
      en: "start() returns at once, so main's three lines come first; the child prints its pids after a 1 s sleep. The child's parent pid is the main process's pid.",
    },
    browserNote: {
      zh: 'CPython 里主进程的父进程是 shell 或 IDE。这里主进程由页面启动,所以 getppid() 返回页面的 pid 1。',
      en: "In CPython the main process's parent is the shell or IDE. Here the page starts the main process, so its getppid() is the page's pid, 1.",
    },
    source: p02,
  },
  {
    id: 'p03',
    group: 'processes',
    title: { zh: '五个子进程打印自己的 id', en: 'Five children print their ids' },
    explain: {
      zh: '主进程先打印,然后 5 个子进程各打印一行,pid 各不相同。文章笔误调用了两次 getpid(),所以"父程序id"其实也是子进程自己的 pid;返回值 x*x 没人接收。',
      en: "Main prints first, then 5 children print one line each, with 5 different pids. The article's typo calls getpid() twice, so the 'parent id' is the child's own pid; the return value x*x is lost.",
    },
    source: p03,
  },
  {
    id: 'p04',
    group: 'processes',
    title: { zh: '多个进程同时运行(不 join)', en: 'Several processes at once, no join' },
    explain: {
      zh: '5 个 hello bob 几乎同时出现,顺序不一定是启动顺序。主进程的代码早就结束了,但它会等非守护子进程,所以整个运行约 1 秒后才结束。',
      en: 'The 5 hello bob lines appear almost together, not necessarily in start order. Main has nothing left to do, but it waits for its non-daemon children, so the run ends about 1 s later.',
    },
    browserNote: {
      zh: '五行文字完全相同:看控制台每行前面的进程名(Process-1…5)才分得清是谁打印的。',
      en: 'The five lines are identical: the process tag in front of each console line tells which child printed it.',
    },
    source: p04,
  },
  {
    id: 'p05',
    group: 'processes',
    title: { zh: 'target 传任务,__main__ 保护', en: 'Process with a target, the __main__ guard' },
    explain: {
      zh: '先打印"主",然后 lolo is running,约 2 秒后 lolo is over。创建进程的代码放在 if (__name__ === \'__main__\') 里面。',
      en: "'主' prints first, then lolo is running, and lolo is over about 2 s later. The code that creates the process sits under if (__name__ === '__main__').",
    },
    browserNote: {
      zh: '默认的启动方式是 "fork"(像 Linux)。调用 setStartMethod(\'spawn\') 后就像 Windows:子进程把整个程序再执行一遍,不加保护就启动进程会得到一个说明 __main__ 保护的 RuntimeError,而不是无限创建进程。',
      en: "The default start method is 'fork' (as on Linux). After setStartMethod('spawn') it is like Windows: a child runs the whole program again, and an unguarded start() is a RuntimeError that explains the __main__ guard, not a fork bomb.",
    },
    source: p05,
  },
  {
    id: 'p06',
    group: 'processes',
    title: { zh: '简单创建进程:worker(num)', en: 'worker(num) with 5 jobs' },
    explain: {
      zh: 'Worker: 0 到 Worker: 4 各出现一次,顺序不定。currentProcess().name 在主进程里是 MainProcess,在子进程里是 Process-1 到 Process-5。',
      en: 'Worker: 0 to Worker: 4 each appear once, in any order. currentProcess().name is MainProcess in main and Process-1 to Process-5 in the children.',
    },
    source: p06,
  },
  {
    id: 'p07',
    group: 'processes',
    title: { zh: '开进程的方法一:四个 piao', en: 'Method 1: four piao processes' },
    explain: {
      zh: '主进程不等子进程,"主线程"最先打印。四个 piaoing 之后,每个进程随机睡 1–4 秒,按睡眠长短打印 piao end,整个运行不超过约 4 秒。',
      en: "Main does not wait, so '主线程' prints first. After the four piaoing lines, each process sleeps 1–4 s at random and prints piao end in order of its sleep; the run ends within about 4 s.",
    },
    browserNote: {
      zh: '文章没有 __main__ 保护。默认的 "fork" 启动方式下,子进程只执行声明、不执行顶层语句,所以照原样运行;改用 setStartMethod(\'spawn\') 就必须加保护。',
      en: "The article has no __main__ guard. Under the default 'fork' start method a child evaluates declarations only, not top-level statements, so it runs as written; with setStartMethod('spawn') it would need the guard.",
    },
    source: p07,
  },
];
