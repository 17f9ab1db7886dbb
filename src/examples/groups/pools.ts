import type { Lesson } from '../lesson';
import p51 from '../programs/p51.ts?raw';
import p52 from '../programs/p52.ts?raw';
import p53 from '../programs/p53.ts?raw';
import p54 from '../programs/p54.ts?raw';
import p55 from '../programs/p55.ts?raw';

export const pools: Lesson[] = [
  {
    id: 'p51',
    group: 'pools',
    title: { zh: 'threadpool 模块', en: 'The threadpool module' },
    explain: {
      zh: '3 个任务交给 5 个线程的池:三个 hello 几乎同时出现,time 约 2 秒。再在主线程里逐个调用:hello 每 2 秒一个,time1 约 6 秒。',
      en: 'Three tasks go to a pool of five threads: the three hellos appear together and time is about 2 s. Called one by one in the main thread, the hellos come 2 s apart and time1 is about 6 s.',
    },
    browserNote: {
      zh: '第三方库 threadpool 在这里没有,课程用标准库的 ThreadPoolExecutor(5) 代替:ThreadPool(5) 换成 new ThreadPoolExecutor(5),makeRequests/putRequest 换成 submit,task_pool.wait() 换成 wait(requests)。文章最后一行被截成了 "main(",这里补全为 main()。',
      en: 'The third-party threadpool library does not exist here, so the lesson uses the standard ThreadPoolExecutor(5) instead: ThreadPool(5) becomes new ThreadPoolExecutor(5), makeRequests/putRequest become submit, and task_pool.wait() becomes wait(requests). The article\'s last line is cut off ("main("); the lesson completes it as main().',
    },
    source: p51,
  },
  {
    id: 'p52',
    group: 'pools',
    title: {
      zh: 'ThreadPoolExecutor:串行 vs 2 个线程',
      en: 'ThreadPoolExecutor: serial vs a pool of 2',
    },
    explain: {
      zh: '7 个任务,每个睡 0.8 秒。逐个调用:time1 约 5.6 秒(7 × 0.8)。交给 2 个线程的池:分 4 轮,time2 约 3.2 秒。with 块在结尾等所有任务做完。',
      en: 'Seven tasks of 0.8 s each. Called one by one, time1 is about 5.6 s (7 × 0.8). On a pool of two threads they run in 4 rounds, and time2 is about 3.2 s. The with block waits for every task at its end.',
    },
    browserNote: {
      zh: 'with ThreadPoolExecutor(2) as executor: 写成一个块里的 using executor = new ThreadPoolExecutor(2):块结束时调用 shutdown(wait),和 with 一样。文章的入口调用的是 main3(见 p54),这一课运行 main。线程是 Web Worker,启动要几十毫秒,算在 time2 里。',
      en: "with ThreadPoolExecutor(2) as executor: becomes using executor = new ThreadPoolExecutor(2) inside a block, which calls shutdown(wait) at the end of the block, as with does. The article's entry point calls main3 (see p54); this lesson runs main. Threads are Web Workers that take some tens of milliseconds to start, which time2 includes.",
    },
    source: p52,
  },
  {
    id: 'p53',
    group: 'pools',
    title: { zh: 'ThreadPoolExecutor(10) + wait', en: 'ThreadPoolExecutor(10) + wait' },
    explain: {
      zh: '7 个任务、最多 10 个线程:7 个 hello 一起出现。约 0.8 秒后 wait 返回,打印全部 7 个字母,最后是"主线程结束"。',
      en: 'Seven tasks on up to ten threads: the seven hellos appear together. About 0.8 s later wait returns, the list shows all seven letters, and 主线程结束 comes last.',
    },
    browserNote: {
      zh: 'Python 的线程共用全局列表 ll,所以主线程打印线程们追加的 7 个字母(顺序不定)。这里每个线程是一个 Web Worker,有自己的全局变量:线程追加到自己的 ll,主线程的 ll 一直是空的(删掉收集结果的循环,就打印 [])。所以 sayhello 返回它的字母,主线程用 future.result() 按提交顺序收回。max_workers=10 写成 new ThreadPoolExecutor(10)。',
      en: "Python's threads share the global list ll, so main prints the seven letters the threads appended (in any order). Here each thread is a Web Worker with its own globals: a thread appends to its own ll, and main's ll stays empty (delete the loop that collects the results and it prints []). So sayhello returns its letter, and main collects the letters with future.result(), in the order they were submitted. max_workers=10 becomes new ThreadPoolExecutor(10).",
    },
    source: p53,
  },
  {
    id: 'p54',
    group: 'pools',
    title: {
      zh: 'ThreadPoolExecutor(2) + wait(ALL_COMPLETED)',
      en: 'ThreadPoolExecutor(2) + wait(ALL_COMPLETED)',
    },
    explain: {
      zh: '文章真正运行的 main3。只有 2 个线程:hello 两个一组,每 0.8 秒一组(a b、c e、f g、h),共约 3.2 秒。然后打印全部 7 个字母,最后是"主线程结束"。',
      en: 'main3, the function the article runs. With two threads the hellos come in pairs, one pair every 0.8 s (a b, c e, f g, h), about 3.2 s in all. Then the list shows all seven letters, and 主线程结束 comes last.',
    },
    browserNote: {
      zh: "和 p53 一样,主线程的 ll 是空的(线程是不共享全局变量的 Worker),结果用 future.result() 收回。return_when='ALL_COMPLETED' 写成 wait(fList, { returnWhen: ALL_COMPLETED }),with 块写成 using。",
      en: "As in p53, main's ll stays empty (threads are Workers that share no globals), so the results come back through future.result(). return_when='ALL_COMPLETED' becomes wait(fList, { returnWhen: ALL_COMPLETED }), and the with block becomes using.",
    },
    source: p54,
  },
  {
    id: 'p55',
    group: 'pools',
    title: { zh: 'vthread 线程池', en: 'vthread pools' },
    explain: {
      zh: 'pool_1 有 5 个线程,foolfunc1 调用 10 次:foolstring1 分两批、每批 5 行,约在 1 秒和 2 秒时出现。pool_2 只有 2 个线程,由 foolfunc2(4 次)和 foolfunc3(2 次)共用:每秒 2 行,共 3 秒。两个池同时工作,整个运行约 3 秒。',
      en: 'pool_1 has five threads and foolfunc1 is called ten times: the foolstring1 lines come in two bursts of five, at about 1 s and 2 s. pool_2 has two threads, shared by foolfunc2 (4 calls) and foolfunc3 (2 calls): two lines a second for 3 s. The two pools work side by side, and the whole run takes about 3 s.',
    },
    browserNote: {
      zh: '第三方库 vthread 在这里没有。课程里的 pool(n, gqueue) 是个小函数,把每次调用交给一个 ThreadPoolExecutor(n)(线程名 pool_1_0、pool_2_0……),所以装饰后的调用 foolfunc1(i) 写成 pool_1(foolfunc1, i)。任务函数留在顶层,因为池里的线程按名字找到它们。池在第一次调用时才创建:每个线程(Worker)也会加载程序的声明,这样它们不会各自再建一个池。文章没有 import time;f-string 写成模板字符串。',
      en: "The third-party vthread library does not exist here. The lesson's pool(n, gqueue) is a small function that hands each call to a ThreadPoolExecutor(n) (threads named pool_1_0, pool_2_0, ...), so the decorated call foolfunc1(i) is written pool_1(foolfunc1, i). The task functions stay at the top level, because the pool's threads find them by name. Each pool is created at its first call: every thread (a Worker) loads the program's declarations too, and this way none of them builds pools of its own. The article never imports time; f-strings become template literals.",
    },
    source: p55,
  },
];
