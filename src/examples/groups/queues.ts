import type { Lesson } from '../lesson';
import p33 from '../programs/p33.ts?raw';
import p34 from '../programs/p34.ts?raw';
import p49 from '../programs/p49.ts?raw';
import p50 from '../programs/p50.ts?raw';

export const queues: Lesson[] = [
  {
    id: 'p33',
    group: 'queues',
    title: { zh: 'Queue(3):先进先出', en: 'Queue(3): first in, first out' },
    explain: {
      zh: '往最多放 3 个的队列里放三样东西,再取三次:first、{ second: null }、三,和放进去的顺序一样。去掉 q.put(4) 前的注释再运行:队列已满,第四次 put 一直阻塞,一行也不打印。',
      en: 'Three items go into a queue that holds at most 3, and three gets take them out in the order they went in: first, { second: null }, 三. Uncomment q.put(4) and run again: the queue is full, so the fourth put blocks for ever and nothing prints.',
    },
    browserNote: {
      zh: "字典打印成 JS 对象 { second: null },Python 打印 {'second': None}。第四次 put 在 Python 里会一直卡住;这里运行时发现没有任何进程能取走东西,报告死锁并结束运行。",
      en: "The dict prints as a JS object, { second: null }, where Python prints {'second': None}. Python hangs on the fourth put; here the runtime sees that no process can ever take an item out, and ends the run with a deadlock report.",
    },
    source: p33,
  },
  {
    id: 'p34',
    group: 'queues',
    title: { zh: '生产者与消费者模型', en: 'Producers and consumers' },
    explain: {
      zh: '三个生产者各做 5 样食物放进同一个队列,两个消费者从队列里取出来吃:15 行"生产了",15 行"吃了",每样食物只被吃一次,而且在做好之后。生产者和消费者只和队列打交道,互不认识。消费者是死循环,吃完第 15 样后一直等在 q.get() 上,程序不会自己结束。',
      en: "Three producers each make 5 foods and put them into one queue; two consumers take them out and eat: 15 'made' lines and 15 'ate' lines, each food eaten exactly once and after it was made. Producers and consumers talk only to the queue, never to each other. The consumers loop for ever: after the 15th food they wait in q.get(), and the program never ends by itself.",
    },
    browserNote: {
      zh: 'Python 会一直卡住,要按 Ctrl+C;这里运行时发现所有进程都在等(消费者等空队列,主进程等消费者结束),报告死锁并结束运行,也可以按停止。常见的改法是每个消费者放一个 None 作结束信号。文章的颜色码丢了反斜杠(33[46m),这里去掉了。',
      en: "Python hangs and needs Ctrl+C. Here the runtime sees every process waiting (the consumers on the empty queue, main for the consumers) and ends the run with a deadlock report; Stop works too. The usual fix is one None per consumer as an end marker. The article's colour codes lost their backslash (33[46m), so the lesson drops them.",
    },
    source: p34,
  },
  {
    id: 'p49',
    group: 'queues',
    title: { zh: 'FIFO、LIFO 和优先级队列', en: 'FIFO, LIFO and priority queues' },
    explain: {
      zh: '同样的 (priority, data) 放进三种队列:Queue 按放入顺序出来,LifoQueue 倒过来,PriorityQueue 先出最小的(sorted(list(entries))[0])。maxsize 小于 1 表示无限长。block=False 时,满队列的 put 引发 Full,空队列的 get 引发 Empty。join() 一直阻塞到每个 item 都调用了 taskDone()。',
      en: 'The same (priority, data) pairs go into three queues: Queue returns them in put order, LifoQueue in reverse, PriorityQueue smallest first (sorted(list(entries))[0]). A maxsize below 1 means unbounded. With block=False, a put on a full queue raises Full and a get on an empty one raises Empty. join() blocks until every item has had its taskDone().',
    },
    browserNote: {
      zh: "文章没有代码,这是一个最小的例子。文章说 get 超时引发 Full,其实是 Empty(Python 也是)。元组写成数组,按元素逐个比较,和元组一样;打印成 [1, '一'] 而不是 (1, '一')。task_done 写作 taskDone。",
      en: "The article has no code; this is a minimal program. The article says a timed-out get raises Full; it raises Empty (in Python too). Tuples become arrays, compared element by element like tuples, and print as [1, '一'] rather than (1, '一'). task_done is taskDone.",
    },
    source: p49,
  },
  {
    id: 'p50',
    group: 'queues',
    title: { zh: '三个生产者和一个守护消费者', en: 'Three producers and a daemon consumer' },
    explain: {
      zh: '队列不限长,put 从不阻塞,所以 15 行"生产了"一下子全部出现。消费者每 2 秒消费一个,约 30 秒消费完;生产者的 q.join() 要等 15 个 taskDone 之后才返回,"主线程~"最后打印,守护线程随之被丢下,运行结束。队列让线程有组织,而不是更快。',
      en: "The queue is unbounded and put never blocks, so all 15 'produced' lines appear at once. The consumer takes one every 2 s, about 30 s in all; the producers' q.join() returns only after the 15th taskDone, so '主线程~' prints last, the daemon consumer is dropped and the run ends. A queue organises threads; it does not make them faster.",
    },
    browserNote: {
      zh: '顶层的 q 和线程共享(如同 fork),所以照原样能运行。task_done 写作 taskDone。控制台不解释 ANSI 颜色码,它们按原样显示成文字。',
      en: 'The top-level q is shared with the threads as if forked, so the program works as written. task_done is taskDone. The console does not interpret ANSI colour codes; they show as raw text.',
    },
    source: p50,
  },
];
