import type { Lesson } from '../lesson';
import p35 from '../programs/p35.ts?raw';
import p36 from '../programs/p36.ts?raw';
import p37 from '../programs/p37.ts?raw';
import p38 from '../programs/p38.ts?raw';
import p39 from '../programs/p39.ts?raw';
import p40 from '../programs/p40.ts?raw';
import p41 from '../programs/p41.ts?raw';
import p42 from '../programs/p42.ts?raw';
import p43 from '../programs/p43.ts?raw';
import p44 from '../programs/p44.ts?raw';
import p45 from '../programs/p45.ts?raw';
import p46 from '../programs/p46.ts?raw';
import p47 from '../programs/p47.ts?raw';
import p48 from '../programs/p48.ts?raw';

/** Threads are Web Workers here: what every lesson of the group has in common. */
const WORKERS = {
  zh: '浏览器里的线程是 Web Worker:真正并行,但不共享全局变量。',
  en: 'A thread in the browser is a Web Worker: truly parallel, but sharing no globals.',
};

/** The article's Python 2 prints, said once. */
const PY2 = {
  zh: '文章用的是 Python 2 的 print x,这里写作 print(x)。',
  en: "The article uses Python 2's print x; here it is print(x).",
};

/** The counter = [0] list of lessons p41-p46. */
const COUNTER = {
  zh: "文章的 counter = [0] 是所有线程共享的同一个列表;这里每个线程有自己的一份普通数组,所以改用共享内存里的 SharedArray('i', [0])。",
  en: "The article's counter = [0] is one list all threads share; here each thread would get its own copy of a plain array, so the counter is a SharedArray('i', [0]) in shared memory.",
};

/** Threads started at the top level, as the article does. */
const TOP = {
  zh: "线程在顶层启动,不加 __main__ 保护:默认的 fork 方式下子线程只执行声明。换成 setStartMethod('spawn') 就需要加保护。",
  en: "The threads start at the top level without a __main__ guard: with the default fork method a child evaluates declarations only. Under setStartMethod('spawn') the guard would be needed.",
};

/** Fewer threads than the article's 99. */
const FEWER = {
  zh: '文章开 99 个线程;一次运行最多 64 个活着的进程和线程,所以这里开 20 个。',
  en: 'The article starts 99 threads; a run allows at most 64 live processes and threads, so this one starts 20.',
};

export const threads: Lesson[] = [
  {
    id: 'p35',
    group: 'threads',
    title: { zh: 'GIL:两个线程先后执行', en: 'GIL counter: two threads one after the other' },
    explain: {
      zh: '两个线程各数 20 亿次,每个启动后马上 join,所以一个数完另一个才开始。打印的 Total time 是下一课要比较的基准。',
      en: 'Two threads each count to two billion; each is joined right after it starts, so one finishes before the other begins. The Total time printed is the baseline the next lesson is compared with.',
    },
    browserNote: {
      zh: `文章数到 1 亿:CPython 要好几秒,JS 的 JIT 只要约 0.05 秒,比启动一个 Worker 还快,所以这里数到 20 亿。计数结果打印出来,JIT 就不能把循环删掉。${WORKERS.zh}`,
      en: `The article counts to 100 million, which takes CPython seconds and JS about 0.05 s, less than starting a Worker, so this counts to two billion. The count is printed, so the JIT cannot remove the loop. ${WORKERS.en}`,
    },
    source: p35,
  },
  {
    id: 'p36',
    group: 'threads',
    title: { zh: 'GIL:两个线程同时执行', en: 'GIL counter: two threads at once' },
    explain: {
      zh: '两个线程先都启动,再一起 join。文章在 CPython 里测到它反而比上一课慢了十几秒:GIL 让两个线程轮流执行,从不同时。第二部分是 JS 自己的"GIL":同一个 Worker 里的两个 async 任务在 await 处交替(A、B、A、B……),但总时间是两者之和——一个在计数时,另一个一步也走不了。',
      en: "Both threads start first and are joined afterwards. The article measured this in CPython as more than ten seconds slower than the previous lesson: the GIL makes the threads take turns, never run at once. Part two shows JS's own 'GIL': two async tasks in one Worker take turns at each await (A, B, A, B, ...), yet together they take the sum of their times; while one counts, the other cannot move.",
    },
    browserNote: {
      zh: '这里没有 GIL:两个线程是两个 Worker,在两个核上真正同时运行,所以这一课约是上一课一半的时间,和文章相反。要在浏览器里看到"一次只跑一个",就看第二部分:一个 Worker 只有一个事件循环,async 任务并发但从不并行,和 Python 的线程在 GIL 下一样。',
      en: "There is no GIL here: the two threads are two Workers, truly running at once on two cores, so this takes about half of the previous lesson's time, the opposite of the article. To see 'one at a time' in the browser, look at part two: a Worker has one event loop, so its async tasks are concurrent but never parallel, like Python threads under the GIL.",
    },
    source: p36,
  },
  {
    id: 'p37',
    group: 'threads',
    title: { zh: '启动一个线程 LoopThread', en: 'A named thread' },
    explain: {
      zh: '主线程打印 MainThread is running,线程 LoopThread 每秒打印一行 >>> 1 到 >>> 5,然后 ended;主线程 join 它之后才打印 MainThread ended,一共约 5 秒。currentThread().name 在主线程是 MainThread,在线程里是 LoopThread。',
      en: 'The main thread prints MainThread is running; LoopThread prints >>> 1 to >>> 5, one a second, then ended; main joins it and only then prints MainThread ended, about 5 s in all. currentThread().name is MainThread in main and LoopThread in the thread.',
    },
    browserNote: {
      zh: `${PY2.zh}${TOP.zh}`,
      en: `${PY2.en} ${TOP.en}`,
    },
    source: p37,
  },
  {
    id: 'p38',
    group: 'threads',
    title: { zh: '方法一:Thread 传一个函数', en: 'Thread with a function target' },
    explain: {
      zh: '4 个线程在同一秒开始,分别睡 1、2、3、4 秒,按 0、1、2、3 的顺序结束。join() 让主线程等所有线程结束:"任务完成于"在"程序开始于"约 4 秒之后,而不是 1+2+3+4=10 秒。',
      en: "Four threads start in the same second, sleep 1, 2, 3 and 4 s, and end in the order 0, 1, 2, 3. join() makes main wait for all of them: '任务完成于' comes about 4 s after '程序开始于', not 1+2+3+4 = 10 s.",
    },
    source: p38,
  },
  {
    id: 'p39',
    group: 'threads',
    title: {
      zh: '方法二:Thread 传一个可调用的类实例',
      en: 'Thread with a callable class instance',
    },
    explain: {
      zh: '和上一课一样,但 target 是 ThreadFunc 的实例,线程运行时调用它。结果相同:按 0 到 3 的顺序结束,约 4 秒完成。',
      en: 'The same as the previous lesson, but the target is a ThreadFunc instance, which the thread calls. The result is the same: they end in order 0 to 3, done after about 4 s.',
    },
    browserNote: {
      zh: 'TypeScript 没有 __call__:写成 call() 方法,线程调用 target.call()。实例在线程的 Worker 里按字段重建,字段 func 是顶层函数 loop,按名字传过去。',
      en: "TypeScript has no __call__: it is a call() method, and the thread calls target.call(). The instance is rebuilt from its fields in the thread's Worker; its func field is the top-level function loop, which travels by name.",
    },
    source: p39,
  },
  {
    id: 'p40',
    group: 'threads',
    title: { zh: '方法三:派生 Thread 的子类', en: 'A Thread subclass' },
    explain: {
      zh: '继承 Thread,在构造函数里保存 func 和 args,重写 run()。结果和前两课一样:按 0 到 3 的顺序结束,约 4 秒完成;4 个线程都叫 loop。',
      en: 'Subclass Thread, keep func and args in the constructor, override run(). The result is the same as in the two previous lessons: they end in order 0 to 3, done after about 4 s; all four threads are named loop.',
    },
    browserNote: {
      zh: '实例在线程的 Worker 里按字段重建,不再运行构造函数;字段 func 是顶层函数 loop,按名字传过去。',
      en: "The instance is rebuilt from its fields in the thread's Worker, without running its constructor; its func field is the top-level function loop, which travels by name.",
    },
    source: p40,
  },
  {
    id: 'p41',
    group: 'threads',
    title: { zh: '不加锁的计数器,10 个线程', en: 'An unlocked counter, 10 threads' },
    explain: {
      zh: "10 个线程各把计数器加 1 再打印。没有锁,但结果很可能还是整齐的 1 到 10:自增和打印只要一瞬间,比创建下一个线程的间隔还短,很难撞到一起。这一课打开了数据竞争检测,所以还会打印一份报告(stderr):DATA RACE on counter[0] (Array 'i'),read at p41.ts:14 by 2,previous write at p41.ts:14 by 1,两边都 holding no lock(by 后面是线程名,这里就是编号;是哪两个线程每次不同)。第 14 行 this.counter[0] += 1 是先读再写:线程 2 读的这个元素,线程 1 刚写过。nothing orders them:两个线程都没拿锁,它们之间也没有队列、join、事件或栅栏;start() 只让每个线程排在主线程之后,不排在前面的线程之后。也可能还有一份报告是第 15 行的 print 读到别的线程在第 14 行写的值。即使输出恰好是 1 到 10,报告照样出现:检测器报告的是可能交错的访问,不只是这一次出错的。改法见 p43:拿着锁自增和打印,打开检测再运行,什么也不报告。",
      en: "Ten threads each add 1 to the counter and print it. There is no lock, yet the result is very likely a neat 1 to 10: the increment and print take an instant, shorter than the gap before the next thread starts, so they rarely collide. Race detection is on in this lesson, so the run also prints a report (on stderr): DATA RACE on counter[0] (Array 'i'), read at p41.ts:14 by 2, previous write at p41.ts:14 by 1, both holding no lock (after 'by' comes the thread's name, here its number; which two threads varies from run to run). Line 14, this.counter[0] += 1, is a read and then a write: thread 2 read the element thread 1 had just written. Nothing orders them: neither thread holds a lock, and no queue, join, event or barrier passes between them; start() puts each thread after the main thread, not after the threads started before it. A second report may name the print on line 15 reading what another thread wrote on line 14. The report comes even when the output is a neat 1 to 10: the detector reports accesses that could interleave, not only the ones that went wrong this time. The fix is p43: with the lock held around the increment and the print, the same check reports nothing.",
    },
    browserNote: {
      zh: `${COUNTER.zh}换回普通的 [0] 试试:每个线程都打印 1。这里的线程几乎同时在两个核上启动,所以有时两行对调,偶尔两次自增撞在一起丢掉一次(某个数重复出现)——这正是文章说的竞争,CPython 里很少见。${PY2.zh}`,
      en: `${COUNTER.en} Try a plain [0]: every thread prints 1. The threads here start within a few ms of each other on two cores, so two lines may swap places, and now and then two increments collide and one is lost (a number repeats): the very race the article describes, rarely seen in CPython. ${PY2.en}`,
    },
    source: p41,
    detectRaces: true,
  },
  {
    id: 'p42',
    group: 'threads',
    title: { zh: '用 sleep(1) 让竞争现形', en: 'The race made visible with sleep(1)' },
    explain: {
      zh: '在自增和打印之间睡一秒。这一秒里 10 个线程都完成了自增,所以第一行就是 10 而不是 1,每一行都是 10。数据竞争检测打开着,报告说出原因:一份是 DATA RACE on counter[0],两个线程都在 p42.ts:14(this.counter[0] += 1)读写,holding no lock;另一份是 read at p42.ts:16(睡醒后的 print)对 previous write at p42.ts:14,是另一个线程在这一秒里写的。nothing orders them:没有锁,线程之间也没有队列、join、事件或栅栏,所以打印读到的是别人的自增——这正是第一行不是 1 的原因。改法见 p43:自增、睡眠和打印都在锁里,检测什么也不报告,打印的是 1、2、3……',
      en: "Sleep one second between the increment and the print. During that second all ten threads increment, so the first line is 10, not 1, and so is every line. Race detection is on, and its reports say why: one is DATA RACE on counter[0] with two threads reading and writing at p42.ts:14 (this.counter[0] += 1), holding no lock; another is a read at p42.ts:16 (the print after the sleep) against a previous write at p42.ts:14 by another thread during that second. Nothing orders them: there is no lock, and no queue, join, event or barrier between the threads, so the print reads the others' increments, which is exactly why the first line is not 1. The fix is p43: the increment, the sleep and the print under the lock; the check reports nothing, and the lines read 1, 2, 3, ...",
    },
    browserNote: {
      zh: `${COUNTER.zh}页面预先准备好 8 个 Worker;用完之后再启动的线程要晚 1-2 秒才开始,所以这里常常是前 7 行打印 7、最后 3 行打印 10:第一行仍然不是 1,而是这一秒里已经自增的线程数。线程真正并行,偶尔两次自增撞在一起丢掉一次。${PY2.zh}`,
      en: `${COUNTER.en} The page keeps 8 Workers ready; a thread started when they are used up begins 1-2 s later, so here the first 7 lines often print 7 and the last 3 print 10: the first line is still not 1 but the number of threads that incremented during that second. The threads truly run in parallel, so now and then two increments collide and one is lost. ${PY2.en}`,
    },
    source: p42,
    detectRaces: true,
  },
  {
    id: 'p43',
    group: 'threads',
    title: { zh: '互斥锁', en: 'A counter under a mutex' },
    explain: {
      zh: '每个线程拿着锁自增、睡 1 秒、打印,再释放。锁让线程一个接一个:打印 1、2、3……依次递增,大约每秒一行。这就是 p41 和 p42 的改法:打开"检测数据竞争"再运行,什么也不报告——每次释放锁到下一次拿到锁,都让后一个线程排在前一个之后。',
      en: 'Each thread holds the lock while it increments, sleeps 1 s and prints, then releases it. The lock makes the threads go one at a time: 1, 2, 3, ... in ascending order, about one line a second. This is the fix for p41 and p42: run it with Detect races on and nothing is reported, since each release of the lock and the next acquire put the next thread after the one before.',
    },
    browserNote: {
      zh: `${FEWER.zh}${COUNTER.zh}with lock: 在这里写作 lock.withLock(() => {...})。${PY2.zh}`,
      en: `${FEWER.en} ${COUNTER.en} with lock: is lock.withLock(() => {...}) here. ${PY2.en}`,
    },
    source: p43,
  },
  {
    id: 'p44',
    group: 'threads',
    title: { zh: 'RLock 递归锁', en: 'RLock re-entry' },
    explain: {
      zh: 'owner 线程对同一把 RLock acquire 两次:第二次不阻塞也不报错,只是锁的层级加深一层。释放第二层后锁仍被占着,other 线程还在等;释放第一层之后 other 才拿到锁。普通的 Lock 这样做会锁死(见 p30)。',
      en: 'The owner thread acquires the same RLock twice: the second acquire neither blocks nor fails; it only adds a level. After the first release the lock is still held and the other thread still waits; it gets the lock only after the second release. A plain Lock would lock up here (see p30).',
    },
    browserNote: {
      zh: '文章只有文字,这是一个最小的例子。rlock 在顶层创建,和线程共享(如同 fork)。把 RLock 换成 Lock 试试:Python 会一直卡住,这里运行时报告死锁(owner 持有 rlock,又在等 rlock)。',
      en: 'The article only describes RLock in prose; this is a minimal program. rlock is created at the top level and shared with the threads as if forked. Try a Lock instead: Python would hang; here the runtime reports a deadlock (owner holds rlock and waits for rlock).',
    },
    source: p44,
  },
  {
    id: 'p45',
    group: 'threads',
    title: { zh: 'Condition 接力', en: 'A Condition chain' },
    explain: {
      zh: '每个线程拿到条件锁,自增、睡 1 秒、打印,然后 notify() 唤醒上一个等待的线程,自己 wait()。打印 1、2、3……依次递增。最后一个线程没有人唤醒,程序永远不会结束。',
      en: 'Each thread takes the condition, increments, sleeps 1 s and prints, then notify() wakes the previous waiter and it wait()s itself. It prints 1, 2, 3, ... in ascending order. Nobody wakes the last thread, so the program never ends.',
    },
    browserNote: {
      zh: `文章在 __main__ 里创建 con,run() 里却用全局的 con;线程的 Worker 里没有它,所以 con 在顶层创建(和线程共享,如同 fork)。Python 最后会一直卡住;这里运行时报告死锁:最后一个线程在等 con,主线程在等它。${FEWER.zh}${COUNTER.zh}${PY2.zh}`,
      en: `The article creates con under __main__ but uses the global con in run(); a thread's Worker would not have it, so con is created at the top level (shared with the threads as if forked). Python hangs at the end; here the runtime reports a deadlock: the last thread waits on con and main waits for it. ${FEWER.en} ${COUNTER.en} ${PY2.en}`,
    },
    source: p45,
  },
  {
    id: 'p46',
    group: 'threads',
    title: { zh: '信号量 BoundedSemaphore(5)', en: 'BoundedSemaphore(5)' },
    explain: {
      zh: '信号量同时只放 5 个线程进去(就像厕所只有几个坑)。每个线程在里面睡 1 秒再打印,所以输出一批最多 5 行,批与批之间约 1 秒;打印的值一批比一批大,同一批里可能重复,最大的是 20。信号量不保护计数器:里面的 5 个线程可以同时改它。数据竞争检测打开着,报告正是这样说的:DATA RACE on counter[0],比如 read at p46.ts:18 对 previous write at p46.ts:18(this.counter[0] += 1),两个线程都 holding no lock,还可能有一份是第 20 行的 print 读到第 18 行别人写的值。信号量也是同步:一个线程 release 之后才进去的线程,排在它之后;可是同时在里面的几个线程之间什么也不排序,所以 nothing orders them。要让计数器不再竞争,自增和打印要像 p43 那样拿着一把锁(那时就只剩一个线程在里面了):信号量限制有几个,锁才让它只有一个。',
      en: "The semaphore lets at most 5 threads in at a time (like a toilet with a few stalls). Each sleeps 1 s inside, then prints, so lines come in bursts of at most 5, about 1 s apart; the values rise burst by burst, may repeat within one, and the largest is 20. The semaphore does not protect the counter: the 5 threads inside may all change it at once. Race detection is on, and its report says just that: DATA RACE on counter[0], for example a read at p46.ts:18 against a previous write at p46.ts:18 (this.counter[0] += 1), both threads holding no lock, and maybe a second report of the print on line 20 reading what another thread wrote on line 18. The semaphore does order something: a thread that gets in after another's release comes after that thread. But nothing orders the threads inside at the same time, hence 'nothing orders them'. To make the counter race-free, hold a lock around the increment and the print as p43 does (then only one thread is inside at a time): a semaphore limits how many, a lock makes it one.",
    },
    browserNote: {
      zh: `文章在 __main__ 里创建全局的 semaphore,线程的 Worker 里没有它,所以在顶层创建(和线程共享,如同 fork)。这里的 5 个线程真正并行,偶尔两次自增撞在一起丢掉一次,最大值就是 19;CPython 有 GIL,很难看到。${FEWER.zh}${COUNTER.zh}${PY2.zh}`,
      en: `The article creates the global semaphore under __main__, which a thread's Worker would not have, so it is created at the top level (shared with the threads as if forked). The 5 threads inside truly run in parallel here, so now and then two increments collide, one is lost and the largest value is 19; under CPython's GIL that is rare. ${FEWER.en} ${COUNTER.en} ${PY2.en}`,
    },
    source: p46,
    detectRaces: true,
  },
  {
    id: 'p47',
    group: 'threads',
    title: { zh: 'Event 红绿灯', en: 'An Event traffic light' },
    explain: {
      zh: '红绿灯线程:先绿灯 6 秒,再红灯 5 秒,然后静默 1 秒重新设绿灯;之后每轮绿 5 秒、红 5 秒、静默 1 秒。车线程在绿灯时每秒打印 running,红灯时打印一次 sees red light 并在 event.wait() 上等,绿灯一亮就打印 start going。两个线程都是死循环,按停止结束。',
      en: 'The light thread: green for 6 s, red for 5 s, then a silent second in which it sets green again; after that each round is 5 green, 5 red, 1 silent. The car prints running each second while green; when red it prints sees red light once and waits in event.wait(), then start going as soon as the light turns green. Both threads loop for ever: press Stop.',
    },
    browserNote: {
      zh: `顶层的 event 和线程共享(如同 fork),所以照原样能运行。${TOP.zh}文章的 car = threading.Thread(target=car, …) 会盖掉函数名 car,这里叫 carThread。控制台不解释 ANSI 颜色码,它们按原样显示成文字。`,
      en: `The top-level event is shared with the threads as if forked, so the program works as written. ${TOP.en} The article's car = threading.Thread(target=car, ...) rebinds the function's name; here the thread is carThread. The console does not interpret ANSI colour codes; they show as raw text.`,
    },
    source: p47,
  },
  {
    id: 'p48',
    group: 'threads',
    title: { zh: '定时器 Timer', en: 'A Timer' },
    explain: {
      zh: 'Timer(1, hello) 是一个 1 秒后才运行 hello 的线程:约 1 秒内什么都不打印,然后打印 hello, world,运行结束。',
      en: 'Timer(1, hello) is a thread that runs hello after 1 s: nothing prints for about a second, then hello, world, and the run ends.',
    },
    browserNote: TOP,
    source: p48,
  },
];
