import type { Lesson } from '../lesson';
import p27 from '../programs/p27.ts?raw';
import p28 from '../programs/p28.ts?raw';
import p29 from '../programs/p29.ts?raw';
import p30 from '../programs/p30.ts?raw';
import p31 from '../programs/p31.ts?raw';
import p32 from '../programs/p32.ts?raw';
import p59 from '../programs/p59.ts?raw';
import p62 from '../programs/p62.ts?raw';
import p63 from '../programs/p63.ts?raw';

export const locks: Lesson[] = [
  {
    id: 'p27',
    group: 'locks',
    title: { zh: '用文件和锁卖票', en: 'Ticket sale with a JSON file and a Lock' },
    explain: {
      zh: '10 个进程先查票(都看到 1 张),再有 10 个进程抢票。每个买家拿着锁读文件、等 0.1 秒、改票数、再写回,所以恰好 1 人买到,9 人没买到,约 2 秒卖完。在时间线上可以看到买家一个接一个地持锁。',
      en: 'Ten processes show the count (all see 1), then ten buyers compete. Each buyer holds the lock while it reads the file, waits 0.1 s, updates and writes it back, so exactly one buys and nine do not, over about 2 s. The timeline shows the buyers holding the lock one after another.',
    },
    browserNote: {
      zh: '文章里的 open/json 换成 fs.readFileSync/writeFileSync 加 JSON;文件存在共享内存里,本次运行的所有进程都能看到。文章没给出文件内容,这里先写入 {"ticket": 1}。',
      en: 'The article\'s open/json become fs.readFileSync/writeFileSync and JSON; the file lives in shared memory, seen by every process of the run. The article never shows the file, so the lesson writes {"ticket": 1} first.',
    },
    source: p27,
  },
  {
    id: 'p59',
    group: 'locks',
    title: { zh: '不加锁抢票:超卖', en: 'The same sale without a lock: oversold' },
    explain: {
      zh: '去掉 p27 的锁:10 个买家几乎同时读到"还有 1 张",都等 0.1 秒,都以为自己买到了。这就是锁要防止的竞争,而且是真实发生的,不是模拟。打开"检测数据竞争"也不会报告它:检测器只检查共享的 Value 和 Array 元素的读写,不检查文件(fs)。p62 里的竞争发生在 Value 上,检测器会指出是哪一行。',
      en: "p27 without its lock: ten buyers read 'one ticket left' at almost the same moment, wait 0.1 s, and each believes it bought it. This is the race the lock prevents, and it really happens here; nothing is simulated. Detect races does not report this one: the detector checks reads and writes of shared Value and Array elements, not files (fs). In p62 the race is on Values, and the detector names its line.",
    },
    source: p59,
  },
  {
    id: 'p28',
    group: 'locks',
    title: { zh: '解决方案1: 加 join', en: 'Serialise with join' },
    explain: {
      zh: '每个进程启动后马上 join,三个任务一个接一个:task1 的三行、task2 的三行、task3 的三行,从不交错,总共约 18 秒。代价:并发变成了串行,顺序也被 join 定死了。',
      en: "Each process is joined right after it starts, so the tasks run one after another: task1's three lines, then task2's, then task3's, never interleaved, about 18 s in all. The cost: concurrency becomes serial, and the join order fixes who goes first.",
    },
    source: p28,
  },
  {
    id: 'p29',
    group: 'locks',
    title: { zh: '解决方案2: 互斥锁', en: 'Serialise with a mutex' },
    explain: {
      zh: '三个进程同时启动,谁先抢到锁谁先执行("公平竞争")。每个任务的三行总是连在一起;先后顺序每次可能不同。主进程不被阻塞。',
      en: "All three start at once; whoever grabs the lock first goes first. Each task's three lines always stay together, while the order of the tasks can change from run to run. The main process is not blocked.",
    },
    source: p29,
  },
  {
    id: 'p30',
    group: 'locks',
    title: { zh: '同一把锁不要 acquire 两次', en: 'Do not acquire the same Lock twice' },
    explain: {
      zh: '照原样运行会打印"抢到了"和"接着抢"。删掉中间的 release() 再运行:第二次 acquire 永远等不到锁。',
      en: 'As written it prints both lines. Delete the middle release() and run again: the second acquire waits for ever for a lock its own process holds.',
    },
    browserNote: {
      zh: 'Python 会一直卡住;这里运行时发现所有进程都在等待、没人能唤醒它们,就报告死锁(主进程持有 l,又在等 l)并结束运行。',
      en: 'Python just hangs. Here the runtime sees that every process waits and none can wake another, and ends the run with a deadlock report (the main process holds l and waits for l).',
    },
    source: p30,
  },
  {
    id: 'p31',
    group: 'locks',
    title: { zh: '小练习:抢票', en: 'Exercise: a ticket rush' },
    explain: {
      zh: '10 个进程先查票(随机等 0-3 秒,看到 1 或 0),再在锁里买票。只有 1 个进程抢票成功,另外 9 个失败,文件最后是 {"count":0}。',
      en: 'Ten processes check the count (after a random 0-3 s wait they see 1 or 0), then buy under the lock. Exactly one succeeds and nine fail; the file ends as {"count":0}.',
    },
    browserNote: {
      zh: '文件由 fs 模块提供;课程先写入文章说的 {"count":1}。',
      en: 'The file comes from the fs module; the lesson first writes the {"count":1} the article describes.',
    },
    source: p31,
  },
  {
    id: 'p32',
    group: 'locks',
    title: { zh: '互斥锁 vs join', en: 'Mutex versus join' },
    explain: {
      zh: '两种方法都把并发变成串行。join 按人为指定的顺序执行;互斥锁让所有进程平等竞争,谁先抢到谁执行。每个任务的三行总在一起,整个运行 6-18 秒。',
      en: "Both make concurrent work serial. join follows the order a person chose; a mutex lets every process compete equally, and whoever gets it first goes first. Each task's three lines stay together; the run takes 6-18 s.",
    },
    browserNote: {
      zh: '文章没创建 mutex 也没写 import,照原样会报 NameError;课程在 __main__ 里加了 const mutex = new Lock()。',
      en: 'The article never creates `mutex` and omits its imports, so as written it raises NameError; the lesson adds `const mutex = new Lock()` in the main block.',
    },
    source: p32,
  },
  {
    id: 'p62',
    group: 'locks',
    title: { zh: '找出竞争', en: 'Find the race' },
    explain: {
      zh: "alice 和 bob 各有 100 元。4 个进程每次转 1 元、各转 5000 次:两个从 alice 转给 bob,两个转回来,所以最后两人应该还是各 100,总额一直是 200。withdraw 拿着锁扣钱,deposit 却忘了加锁。运行几次:总额常常是对的,偶尔多了或少了——只看输出,找不出是哪一行错了。这一课打开了数据竞争检测,报告会指出来:DATA RACE on alice.value (Value 'i'),一次访问在 p62.ts:16(deposit 里的 account.value += amount),holding no lock;另一次是另一个进程在第 11 行(withdraw,holding lock (Lock)),或者也在第 16 行。nothing orders them:withdraw 的锁只让取款一个接一个,存款不拿锁,两次访问之间没有两边都持有的锁,也没有队列、join、事件或栅栏。即使这一次总额对了,报告照样出现:检测器看的是没有任何同步给两次访问定先后,而不是这一次有没有丢掉更新。修好它:让 deposit 也像 withdraw 一样接收 lock,在第 16 行前后 lock.acquire() 和 lock.release(),再运行就没有报告,总额每次都是 200。",
      en: "alice and bob have 100 each. Four processes move 1 at a time, 5000 times each: two from alice to bob and two back, so each should end with 100 again and the total stay 200. withdraw holds the lock while it takes the money; deposit forgets it. Run it a few times: the total is often right and now and then off, and the output alone cannot tell which line is wrong. Race detection is on in this lesson, and its report can: DATA RACE on alice.value (Value 'i'), one access at p62.ts:16 (account.value += amount, in deposit) holding no lock, the other in another process at line 11 (withdraw, holding lock (Lock)) or at line 16 again. Nothing orders them: withdraw's lock lines up the withdrawals only; a deposit holds no lock, so no lock is held by both, and no queue, join, event or barrier passes between them. The report comes even on a run whose total came out right: the detector sees that nothing orders the two accesses, not only that an update was lost this time. The fix: give deposit the lock as withdraw has it, lock.acquire() and lock.release() around line 16; run again and there is no report, and the total is 200 every time.",
    },
    browserNote: {
      zh: '这不是文章里的程序,是为检测器写的练习。和 Python 的 multiprocessing.Value 一样,Value 自带一把锁(getLock()),可是 account.value += amount 是先读再写两步,只有拿着锁做完这两步才安全。',
      en: "Not a program of the articles: an exercise for the detector. As with Python's multiprocessing.Value, a Value comes with a lock (getLock()), yet account.value += amount is a read and then a write; it is safe only with a lock held around both.",
    },
    source: p62,
    detectRaces: true,
  },
  {
    id: 'p63',
    group: 'locks',
    title: { zh: '当一回调度器', en: 'Be the scheduler' },
    explain: {
      zh: '两个进程各给 c 加 3 次 1,总数应该是 6。直接运行:几乎每次都是 6,因为一个进程早在另一个启动之前就做完了 3 次加法。改按"单步":程序暂停着启动,进程一次只走一个。每个进程停在它的下一个调度点(start、join、print、锁的 acquire 和 release、队列的 put 和 get、sleep……),旁边写着它即将做什么;点击一个进程(或按它的编号),它就走一步。打开"细粒度"后,共享 Value 和 Array 的每次读、每次写也各算一步,于是 c.value = c.value + 1 是两步:先读,再写。亲手丢掉一次更新:先让主进程走,直到它启动了两个进程、停在 join;让 Process-1 走到"即将写入 c.value"(它读到了 0);再让 Process-2 也走到"即将写入"(它也读到了 0);然后让两个都写:都写入 1,一次加法就丢了。"自由运行"让剩下的步骤自己跑完(仍是一次一步,顺序随机,可能再丢一次):总数是 5 或更少,主进程抛出异常。"撤销"回到上一步。"找出失败的调度"替你点:它在最多 200 种调度下运行程序(带种子的随机游走和 PCT),显示进度,可以停止,遇到第一次失败(未捕获的异常、非零退出码或死锁)就停下,在控制台显示那次运行的输出;"逐步重放"把这个调度一步一步放给你看。分享的链接可以带上调度(schedule= 参数):打开链接的人看到的正是丢掉更新的那种交错。调度运行里时间是虚拟的(sleep 只拨快一个时钟),random 的种子来自调度,所以重放每次都完全一样。不用页面也行:npm run snippet -- p63.ts --explore 200 打印失败那次运行的输出,最后一行是 failing schedule: 1f.…,退出码 1;--replay 加上这个字符串再运行一次,输出逐字节相同。修好它:拿着 Value 自带的锁执行这一行,c.getLock().withLock(() => { c.value = c.value + 1; }),就再也找不到失败的调度。',
      en: "Two processes add 1 to c three times each, so the total should be 6. Run it: it is 6 nearly every time, as one process is done with its three additions long before the other has started. Press Step instead: the program starts paused and the processes run one at a time. Each stops at its next scheduling point (start, join, print, a lock's acquire and release, a queue's put and get, sleep...) and says what it is about to do; click a process (or press its number) and it takes one step. With Fine steps on, every read and every write of a shared Value or Array is a step too, so c.value = c.value + 1 is two steps: a read, then a write. Lose an update by hand: step main until it has started both processes and stops at join; step Process-1 until it is about to write c.value (it read 0); step Process-2 until it too is about to write (it read 0 as well); now let both write: each writes 1, and one addition is lost. Run freely lets the rest run by itself (still one step at a time, in a random order that may lose another): the total is 5 or less, and main throws. Undo goes back one step. Find a failing schedule does the clicking for you: it runs the program under up to 200 schedules (seeded random walks and PCT), with a progress bar and Stop, until one fails (an uncaught exception, a non-zero exit code, a deadlock), and shows that run's output; Replay step by step plays that schedule to you one step at a time. A share link can carry the schedule (the schedule= parameter): whoever opens it sees exactly the interleaving that lost the update. In a scheduled run time is virtual (sleep moves a clock on) and random is seeded from the schedule, so a replay is the same every time. Without the page: npm run snippet -- p63.ts --explore 200 prints the failing run's output and a last line failing schedule: 1f.…, and exits 1; --replay with that string runs it again, the same output byte for byte. The fix: hold the Value's own lock around the line, c.getLock().withLock(() => { c.value = c.value + 1; }), and no failing schedule is found.",
    },
    browserNote: {
      zh: '这不是文章里的程序,是为单步模式写的练习。CPython 里也一样会丢:multiprocessing.Value 的 c.value = c.value + 1 也是先读再写,Value 的锁并不跨这两步;只是在那里你没法自己决定交错。',
      en: "Not a program of the articles: an exercise for step mode. CPython loses the update the same way (c.value = c.value + 1 on a multiprocessing.Value is a read and then a write, and the Value's lock is not held across both); there you cannot choose the interleaving.",
    },
    source: p63,
  },
];
