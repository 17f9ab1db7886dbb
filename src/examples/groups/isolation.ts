import type { Lesson } from '../lesson';
import p18 from '../programs/p18.ts?raw';
import p19 from '../programs/p19.ts?raw';
import p20 from '../programs/p20.ts?raw';
import p21 from '../programs/p21.ts?raw';
import p22 from '../programs/p22.ts?raw';
import p23 from '../programs/p23.ts?raw';
import p24 from '../programs/p24.ts?raw';
import p25 from '../programs/p25.ts?raw';
import p26 from '../programs/p26.ts?raw';

export const isolation: Lesson[] = [
  {
    id: 'p18',
    group: 'isolation',
    title: { zh: '进程之间的数据隔离(不 join)', en: 'Data isolation, no join' },
    explain: {
      zh: '子进程把 n 改成 0 并打印 0,主进程仍然打印 100:子进程的赋值传不到主进程。主进程不等子进程,它那行通常先出现。',
      en: "The child sets n to 0 and prints 0; main still prints 100: the child's assignment never reaches main. Main does not wait, so its line usually comes first.",
    },
    browserNote: {
      zh: 'Python 的 global n 在这里是模块顶层的 let n。每个进程是一个重新加载程序的 Worker,各有一份全局变量,所以隔离和 CPython 一样成立。',
      en: "Python's global n is a top-level let n here. Each process is a Worker that loads the program afresh, with its own globals, so the isolation holds as in CPython.",
    },
    source: p18,
  },
  {
    id: 'p19',
    group: 'isolation',
    title: { zh: 'money 还是 100', en: 'money stays 100' },
    explain: {
      zh: '子进程把 money 改成 888,主进程 join 之后打印的还是 100:进程间内存相互隔离。',
      en: 'The child sets money to 888, yet main prints 100 after join: processes do not share memory.',
    },
    source: p19,
  },
  {
    id: 'p20',
    group: 'isolation',
    title: { zh: '进程之间内存空间是否共享', en: 'Is memory shared between processes?' },
    explain: {
      zh: '先打印"子进程内 n: 0",join 之后主进程打印"主 n: 100":子进程的修改不影响主进程。',
      en: "First '子进程内 n: 0', then, after join, '主 n: 100': the child's change does not affect main.",
    },
    source: p20,
  },
  {
    id: 'p21',
    group: 'isolation',
    title: { zh: '守护进程,主进程睡 10 秒', en: 'A daemon subclass while main sleeps 10 s' },
    explain: {
      zh: '守护进程马上打印 pid、Myprocess-1 和聊天那行,很快就结束了;主进程约 10 秒后打印一个空行,运行才结束。',
      en: 'The daemon prints its pid, Myprocess-1 and the chat line at once and ends long before main; main prints an empty line after about 10 s, and the run ends then.',
    },
    browserNote: {
      zh: '这里没有 ps -ef|grep:在主进程睡觉的时候看进程表,守护进程早已结束。文章没有 __main__ 保护,这里补上了。',
      en: 'There is no ps -ef|grep here: look at the process table while main sleeps; the daemon has long ended. The article has no __main__ guard; it is added here.',
    },
    source: p21,
  },
  {
    id: 'p22',
    group: 'isolation',
    title: { zh: '主进程代码结束,守护进程被终止', en: "A daemon is killed when main's code ends" },
    explain: {
      zh: '打印 main------- 之后主进程代码结束,守护进程 p1 随即被终止:123 可能出现,end123 一定不会。非守护进程 p2 照常打印 456,约 3 秒后打印 end456,运行在它结束后才结束。',
      en: "After main------- main's code ends and the daemon p1 is terminated: 123 may appear, end123 never does. The non-daemon p2 prints 456 and, about 3 s later, end456; the run ends after it.",
    },
    browserNote: {
      zh: '文章的代码没有 import time 和 __main__ 保护,这里补上了。',
      en: "The article's code has no import of time and no __main__ guard; they are added here.",
    },
    source: p22,
  },
  {
    id: 'p23',
    group: 'isolation',
    title: { zh: '老板不在,守护进程也不在', en: 'Daemon, boss gone' },
    explain: {
      zh: '先打印 coco 在,再打印老板不在;coco 不在永远不会出现,运行约 0.1 秒就结束。daemon 必须在 start() 之前设置:改到 start() 之后会报 AssertionError: process has already started。',
      en: 'coco 在 prints, then 老板不在; coco 不在 never appears, and the run ends after about 0.1 s. daemon must be set before start(): setting it after raises AssertionError: process has already started.',
    },
    source: p23,
  },
  {
    id: 'p24',
    group: 'isolation',
    title: { zh: '守护进程 Piao', en: 'A daemon Piao' },
    explain: {
      zh: '"主"打印后运行立刻结束:主进程代码一结束守护进程就被终止,is piao end 永远不会出现,通常子进程什么都来不及打印。',
      en: "'主' prints and the run ends at once: the daemon is terminated when main's code ends, so is piao end never appears, and usually the child prints nothing at all.",
    },
    browserNote: {
      zh: '和 p16 一样:TypeScript 不允许在 super() 之前设 this.name,名字是 Piao-1,和 CPython 3 相同。文章没有 __main__ 保护,这里补上了。',
      en: 'As in p16: TypeScript forbids setting this.name before super(), so the name is Piao-1, as in CPython 3. The article has no __main__ guard; it is added here.',
    },
    source: p24,
  },
  {
    id: 'p25',
    group: 'isolation',
    title: { zh: '守护进程 egon', en: 'Daemon egon' },
    explain: {
      zh: '"主"打印后运行立刻结束,不会等守护进程睡完 3 秒;egon is running 通常来不及出现。',
      en: "'主' prints and the run ends at once, not after the daemon's 3 s sleep; egon is running usually does not appear.",
    },
    source: p25,
  },
  {
    id: 'p26',
    group: 'isolation',
    title: { zh: '守护进程内无法再开启子进程', en: 'A daemon cannot have children' },
    explain: {
      zh: '守护进程里的 start() 抛出 AssertionError: daemonic processes are not allowed to have children,孙子进程不会运行,守护进程的退出码是 1。',
      en: "start() inside the daemon raises AssertionError: daemonic processes are not allowed to have children; the grandchild never runs, and the daemon's exit code is 1.",
    },
    source: p26,
  },
];
