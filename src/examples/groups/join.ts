import type { Lesson } from '../lesson';
import p08 from '../programs/p08.ts?raw';
import p09 from '../programs/p09.ts?raw';
import p10 from '../programs/p10.ts?raw';
import p11 from '../programs/p11.ts?raw';
import p12 from '../programs/p12.ts?raw';
import p13 from '../programs/p13.ts?raw';
import p14 from '../programs/p14.ts?raw';
import p15 from '../programs/p15.ts?raw';
import p16 from '../programs/p16.ts?raw';
import p17 from '../programs/p17.ts?raw';

export const join: Lesson[] = [
  {
    id: 'p08',
    group: 'join',
    title: { zh: 'p.join() 的用法', en: 'p.join()' },
    explain: {
      zh: 'join() 让主进程等子进程结束:顺序一定是 hello bbb、我是子进程、我是父进程,父进程那行至少在 1 秒之后。',
      en: "join() makes main wait for the child: the order is always hello bbb, 我是子进程, 我是父进程, and the parent's line comes at least 1 s later.",
    },
    source: p08,
  },
  {
    id: 'p09',
    group: 'join',
    title: { zh: '在启动循环里 join:变成串行', en: 'join inside the start loop runs serially' },
    explain: {
      zh: '每启动一个进程就等它结束,所以 hello bob 每隔约 1 秒出现一行,"父进程在执行"约 5 秒后最后打印。',
      en: "Each process is joined before the next one starts, so the hello bob lines come about 1 s apart and '父进程在执行' comes last, about 5 s after the start.",
    },
    source: p09,
  },
  {
    id: 'p10',
    group: 'join',
    title: { zh: '先全部启动,再全部 join', en: 'Start all, then join all' },
    explain: {
      zh: '照原样(join 那行被注释掉),"父进程在执行"立刻打印,运行约 1 秒结束。去掉注释后它在 5 行 hello 之后打印,也只要约 1 秒,而不是上一课的 5 秒。',
      en: "As written (the join line is commented out), '父进程在执行' prints at once and the run ends after about 1 s. Uncomment it: the line comes after all 5 hellos, still about 1 s after the start, not 5 s as in the previous lesson.",
    },
    browserNote: {
      zh: 'Python 的列表推导式 [p.join() for p in p_lst] 写成 pLst.forEach((p) => p.join())。',
      en: "Python's list comprehension [p.join() for p in p_lst] becomes pLst.forEach((p) => p.join()).",
    },
    source: p10,
  },
  {
    id: 'p11',
    group: 'join',
    title: { zh: '继承 Process 类开启进程', en: 'Subclass Process' },
    explain: {
      zh: 'start() 会在新进程里调用 run():三个不同的 pid、三行聊天(顺序不定),join 之后"主线程"最后打印。把 p2.start() 换成 p2.run(),run 就在主进程里执行(打印主进程的 pid),而 p2.join() 报 AssertionError: can only join a started process。',
      en: "start() calls run() in a new process: three different pids and three chat lines (any order), then '主线程' last after the joins. Replace p2.start() with p2.run() and run() executes in the main process (printing main's pid), and p2.join() raises AssertionError: can only join a started process.",
    },
    browserNote: {
      zh: '文章的代码没有 import 和 __main__ 保护,这里补上了。',
      en: "The article's code has no imports and no __main__ guard; they are added here.",
    },
    source: p11,
  },
  {
    id: 'p12',
    group: 'join',
    title: { zh: '继承 Process 并覆盖 run 方法', en: 'A subclass that overrides run' },
    explain: {
      zh: '先打印"主",然后 coco is running,约 2 秒后 coco is over。子进程只执行 run(),不执行主进程的代码。',
      en: "'主' prints first, then coco is running, and coco is over about 2 s later. The child executes only run(), none of main's code.",
    },
    source: p12,
  },
  {
    id: 'p13',
    group: 'join',
    title: { zh: 'join 不是串行', en: 'join is not serial' },
    explain: {
      zh: '第一部分:三个进程分别睡 0、1、2 秒,按睡眠顺序结束,三个 join 一共约 2 秒(最长的那个),不是 3 秒。第二部分:只 join dodo,lolo 比 dodo 早约 1 秒结束,整个运行约 4 秒。',
      en: 'Part A: three processes sleep 0, 1 and 2 s and end in that order; the three joins take about 2 s in all (the longest one), not 3 s. Part B: only dodo is joined; lolo ends about 1 s before dodo, and the run takes about 4 s.',
    },
    source: p13,
  },
  {
    id: 'p14',
    group: 'join',
    title: { zh: 'terminate 之后马上 is_alive', en: 'terminate, then is_alive' },
    explain: {
      zh: 'terminate() 和 start() 一样只是发出请求,"所以会有延迟":紧接着打印的 isAlive() 是 true。lolo is over 永远不会出现,前两行可能出现也可能不出现。',
      en: "terminate(), like start(), only sends a request, so there is a delay: isAlive() printed right after it is true. lolo is over never appears; the child's first lines may or may not.",
    },
    browserNote: {
      zh: '这里 terminate() 也是异步的:它请求页面结束那个 Worker 后立刻返回,所以和 CPython 一样打印 true(JavaScript 写作 true,Python 写作 True)。这是一场真实的竞争:机器很忙时,主进程可能在下一行之前被挂起,页面先结束了子进程,于是打印 false;CPython 在同样情况下也会如此。',
      en: 'Here terminate() is asynchronous too: it asks the page to end the Worker and returns at once, so, as in CPython, it prints true (Python spells it True). It is a real race: on a busy machine main may be paused before its next line while the page ends the child, and then it prints false; CPython does the same in that case.',
    },
    source: p14,
  },
  {
    id: 'p15',
    group: 'join',
    title: { zh: '进程的属性和方法', en: 'Process attribute tour' },
    explain: {
      zh: '运行中 isAlive() 为 true、exitCode 为 null;join 之后 isAlive() 为 false、exitCode 为 0。name 默认是 Process-1,pid 等于子进程自己打印的 getpid()。被 terminate 的进程退出码是 -15(被信号 15 结束)。',
      en: 'While running, isAlive() is true and exitCode is null; after join, isAlive() is false and exitCode is 0. name defaults to Process-1, and pid equals the getpid() the child prints. A terminated process has exit code -15 (ended by signal 15).',
    },
    browserNote: {
      zh: '文章只列出了这些调用(注释掉的)。这里把它们打开,并补上运行中的两行和一个被 terminate 的进程,好看到每个值。Python 的 None/True/False 在这里是 null/true/false。',
      en: "The article only lists these calls (commented out). Here they are enabled, with two lines while running and one terminated process added to show every value. Python's None/True/False print as null/true/false.",
    },
    source: p15,
  },
  {
    id: 'p16',
    group: 'join',
    title: { zh: '带超时的 join', en: 'join with a timeout' },
    explain: {
      zh: 'join(0.0001) 几乎立刻返回,子进程还在运行,所以"开始"先于 is piao end 打印;运行在 1–2 秒后结束。',
      en: "join(0.0001) returns almost at once while the child still runs, so '开始' comes before is piao end; the run ends after 1–2 s.",
    },
    browserNote: {
      zh: '文章在 super().__init__() 之前设 self.name,CPython 3 的 __init__ 又把名字重置为 Piao-1。TypeScript 不允许在 super() 之前使用 this,结果相同:打印的是 Piao-1,不是 egon。文章没有 __main__ 保护,这里补上了。',
      en: 'The article sets self.name before super().__init__(), which in CPython 3 resets the name to Piao-1. TypeScript forbids this before super(), with the same result: it prints Piao-1, not egon. The article has no __main__ guard; it is added here.',
    },
    source: p16,
  },
  {
    id: 'p17',
    group: 'join',
    title: { zh: '需要子进程的结果时先 join', en: "join before using the child's result" },
    explain: {
      zh: '主进程在 join() 处阻塞,子进程正常运行约 3 秒:子进程1 is done 先于"主..."打印,打印的 pid 是子进程的 pid。',
      en: "Main blocks in join() while the child runs normally for about 3 s: 子进程1 is done comes before '主...', and the pid printed is the child's.",
    },
    source: p17,
  },
];
